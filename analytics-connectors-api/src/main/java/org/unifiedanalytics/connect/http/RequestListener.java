package org.unifiedanalytics.connect.http;

import java.time.Duration;

/** Hears what the client does, for metrics and reports. Implementations must be fast and thread-safe. */
public interface RequestListener {

    /** The outcome of each attempt: {@code success}, {@code rate_limited}, {@code server_error}, {@code client_error}, {@code authentication}, {@code transport}, {@code malformed}. */
    default void attempted(String outcome) {
    }

    /** A retry is about to wait this long. */
    default void retrying(Duration wait) {
    }

    /** The client-side rate limiter made a request wait this long. */
    default void rateLimitWaited(Duration wait) {
    }

    RequestListener NONE = new RequestListener() {
    };
}
