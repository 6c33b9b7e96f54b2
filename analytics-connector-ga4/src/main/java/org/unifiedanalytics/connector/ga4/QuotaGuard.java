package org.unifiedanalytics.connector.ga4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.QuotaExhaustedException;

/**
 * Paces requests by a property's token quota, as GA4 reports it after every request: below the hourly
 * reserve it waits for the next hour (up to the longest wait allowed, else it ends the run until then);
 * below the daily reserve, or when GA4 says the day's tokens are spent, it ends the run until midnight
 * Pacific time, when GA4 resets daily quotas. Ending a run keeps everything read so far.
 */
final class QuotaGuard {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final long hourlyReserve;
    private final long dailyReserve;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private final Logger log;
    private final Map<String, Ga4Report.PropertyQuota> last = new ConcurrentHashMap<>();

    QuotaGuard(Clock clock, long hourlyReserve, long dailyReserve, Duration maxWait, Sleeper sleeper, Logger log) {
        this.clock = clock;
        this.hourlyReserve = hourlyReserve;
        this.dailyReserve = dailyReserve;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        this.log = log;
    }

    void observed(String property, Ga4Report.PropertyQuota quota) {
        last.put(property, quota);
    }

    void beforeRequest(String property) {
        Ga4Report.PropertyQuota quota = last.get(property);
        if (quota == null) {
            return;
        }
        if (quota.dailyRemaining() < dailyReserve) {
            throw new QuotaExhaustedException("GA4 property " + property + " has " + quota.dailyRemaining()
                    + " tokens left today, under the reserve of " + dailyReserve, nextPacificMidnight());
        }
        if (quota.hourlyRemaining() < hourlyReserve) {
            waitForNextHour(property, quota.hourlyRemaining() + " tokens left this hour, under the reserve of " + hourlyReserve);
        }
    }

    /** GA4 refused a request for quota: ends the run, or waits for the next hour ({@code again}: not a second time). */
    void refused(String property, Ga4Api.QuotaRefused refused, boolean again) {
        Ga4Report.PropertyQuota quota = last.get(property);
        boolean daily = refused.daily() || (quota != null && quota.dailyRemaining() < dailyReserve);
        if (again && !daily) {
            throw new QuotaExhaustedException("GA4 property " + property + " still refused after the hour rolled ("
                    + refused.getMessage() + ")", clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        }
        if (daily) {
            throw new QuotaExhaustedException("GA4 property " + property + "'s daily tokens are spent (" + refused.getMessage()
                    + ")", nextPacificMidnight());
        }
        waitForNextHour(property, "GA4 refused a request: " + refused.getMessage());
    }

    private void waitForNextHour(String property, String why) {
        Instant now = clock.instant();
        Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Duration wait = Duration.between(now, nextHour);
        if (wait.compareTo(maxWait) > 0) {
            throw new QuotaExhaustedException("GA4 property " + property + ": " + why, nextHour);
        }
        log.info("GA4 property {}: {}; waiting {} s for the hourly quota", property, why, wait.toSeconds());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaExhaustedException("interrupted while waiting for GA4 property " + property + "'s hourly quota",
                    nextHour);
        }
        last.remove(property);
    }

    private Instant nextPacificMidnight() {
        return clock.instant().atZone(PACIFIC).toLocalDate().plusDays(1).atStartOfDay(PACIFIC).toInstant();
    }
}
