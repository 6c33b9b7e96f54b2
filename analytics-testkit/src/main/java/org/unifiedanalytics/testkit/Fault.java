package org.unifiedanalytics.testkit;

import java.time.Duration;

/**
 * A failure the fake server injects instead of (or before) a route's answer, to prove a client copes:
 * rate limits, server errors, latency, dropped connections, truncated and malformed bodies.
 */
public sealed interface Fault {

    /** HTTP 429 with {@code Retry-After: seconds}. */
    static Fault tooManyRequests(int retryAfterSeconds) {
        return new Status(429, retryAfterSeconds);
    }

    /** A 5xx (500, 502, 503, 504) with a short error body. */
    static Fault serverError(int status) {
        return new Status(status, -1);
    }

    /** Any status with a JSON error body, e.g. 401. */
    static Fault status(int status) {
        return new Status(status, -1);
    }

    /** Waits before the route answers (for timeouts). */
    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    /** Closes the connection without an answer. */
    static Fault connectionReset() {
        return new Reset();
    }

    /** The route's answer, cut in half, with a Content-Length that matches the cut (so it parses as broken JSON). */
    static Fault truncatedBody() {
        return new Truncated();
    }

    /**
     * The route's answer with its full length announced, the first half sent, then nothing for {@code stall}: a
     * server that stops mid-body (a client must bound the whole exchange, not only the wait for the headers).
     */
    static Fault stalledBody(Duration stall) {
        return new Stalled(stall);
    }

    /** HTTP 200 with an HTML error page where JSON was promised. */
    static Fault malformedBody() {
        return new Malformed();
    }

    record Status(int status, int retryAfterSeconds) implements Fault {
    }

    record Latency(Duration delay) implements Fault {
    }

    record Reset() implements Fault {
    }

    record Truncated() implements Fault {
    }

    record Malformed() implements Fault {
    }

    record Stalled(Duration stall) implements Fault {
    }
}
