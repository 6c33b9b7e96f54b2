package org.unifiedanalytics.testkit.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.unifiedanalytics.testkit.FakeResponse;

/**
 * The Klaviyo Reporting API's limits in the fake: fixed windows of a second and a minute, and the UTC day of the
 * fake's clock; a request past one is answered 429 {@code throttled} with the {@code Retry-After} until it frees.
 */
final class KlaviyoReportingLimits {
    private int perSecond = 1;
    private int perMinute = 2;
    private int perDay = 225;
    private long secondStart;
    private int inSecond;
    private long minuteStart;
    private int inMinute;
    private int today;

    synchronized void configure(int perSecond, int perMinute, int perDay) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    synchronized void resetDay() {
        today = 0;
    }

    synchronized Optional<FakeResponse> admit(Clock clock) {
        long now = System.nanoTime();
        if (now - secondStart >= 1_000_000_000L) {
            secondStart = now;
            inSecond = 0;
        }
        if (now - minuteStart >= 60_000_000_000L) {
            minuteStart = now;
            inMinute = 0;
        }
        if (today >= perDay) {
            Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            return Optional.of(throttled(Duration.between(clock.instant(), midnight).toSeconds()));
        }
        if (inMinute >= perMinute) {
            return Optional.of(throttled(Math.max(1, (60_000_000_000L - (now - minuteStart)) / 1_000_000_000L)));
        }
        if (inSecond >= perSecond) {
            return Optional.of(throttled(1));
        }
        inSecond++;
        inMinute++;
        today++;
        return Optional.empty();
    }

    private static FakeResponse throttled(long seconds) {
        return FakeKlaviyoApi.error(429, "throttled", "Request was throttled.", "Request was throttled. Expected available in "
                + seconds + " seconds.").withHeader("Retry-After", String.valueOf(seconds));
    }
}
