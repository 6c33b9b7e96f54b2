package org.unifiedanalytics.testkit;

import java.time.Duration;

/**
 * A failure the fake server injects instead of (or before) a route's answer, to prove a client copes:
 * rate limits, server errors, latency, dropped connections, truncated, malformed and slow bodies, the API's own error
 * answers.
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

    /**
     * The route's answer, its status and length whole, with its JSON broken at the start (a server or proxy bug, not a
     * cut): a client must refuse it, not read what parses.
     */
    static Fault invalidJson() {
        return new InvalidJson();
    }

    /**
     * The route's answer sent in eight pieces spaced so that the whole takes {@code total}: no single wait is long,
     * the whole is (a client must bound the exchange, not the silence between reads).
     */
    static Fault slowDrip(Duration total) {
        return new SlowDrip(total);
    }

    /**
     * An answer of the API's own instead of the route's, such as an error envelope with HTTP 200, on requests whose
     * path starts with {@code pathPrefix}; requests to other paths get no fault.
     */
    static Fault answer(String pathPrefix, FakeResponse response) {
        return new Answer(pathPrefix, response);
    }

    /** Whether the fault applies to a request for this path. */
    default boolean appliesTo(String path) {
        return true;
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

    record InvalidJson() implements Fault {
    }

    record SlowDrip(Duration total) implements Fault {
    }

    record Answer(String pathPrefix, FakeResponse response) implements Fault {
        @Override
        public boolean appliesTo(String path) {
            return path.startsWith(pathPrefix);
        }
    }
}
