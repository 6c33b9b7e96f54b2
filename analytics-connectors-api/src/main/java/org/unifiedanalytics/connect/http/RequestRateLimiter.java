package org.unifiedanalytics.connect.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Paces requests to at most {@code requests} per {@code period}, one every {@code period / requests} and 5% more: shared between
 * the clients of one app or connector instance, thread-safe.
 *
 * <p>Why not a period's permits at once (Resilience4j's RateLimiter hands out {@code limitForPeriod} per cycle, and
 * one permit per shorter cycle still lets a request at a cycle's end meet one at the next cycle's start): a burst at
 * the end of one window then meets the next window's, and an API that counts over sliding windows refuses them.
 * Measured against the test kit's sliding-window fake at 40 requests a second: 3 refusals in 160 requests, each
 * costing a second's {@code Retry-After}, 65% of the allowance used. Spaced evenly, no window of the period ever
 * holds more than {@code requests}, and nearly all of the allowance is used.
 *
 * <pre>{@code
 * RequestRateLimiter perSecond = ApiClient.rateLimiter("tiktok-per-second", 10, Duration.ofSeconds(1));
 * ApiClient client = ApiClient.builder().baseUrl(base).rateLimiter(perSecond).build();
 * }</pre>
 */
public final class RequestRateLimiter {
    private final String name;
    private final long intervalNanos;
    private long nextFreeNanos;
    private boolean used;

    RequestRateLimiter(String name, int requests, Duration period) {
        this.name = Objects.requireNonNull(name, "name");
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit '" + name + "' needs at least 1 request per positive period, got "
                    + requests + " per " + period);
        }
        // 5% more than period / requests: spaced exactly, the first and the last of a window's requests would arrive a
        // hair under one period apart as often as not, and the window would hold one too many; 5% absorbs a request
        // sent up to 50 ms late in a one-second window (a busy machine, the network's jitter); 1% did not, measured
        this.intervalNanos = Math.max(1, period.toNanos() / requests * 105 / 100);
    }

    /** The name given, for messages. */
    public String name() {
        return name;
    }

    /** The time between two requests. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Takes the next slot: how long to wait before sending, zero when the request may go now. */
    synchronized Duration reserve() {
        long now = System.nanoTime();
        long slot = !used || now - nextFreeNanos >= 0 ? now : nextFreeNanos;
        used = true;
        nextFreeNanos = slot + intervalNanos;
        return Duration.ofNanos(slot - now);
    }

    @Override
    public String toString() {
        return "RequestRateLimiter[" + name + ", one every " + interval() + "]";
    }
}
