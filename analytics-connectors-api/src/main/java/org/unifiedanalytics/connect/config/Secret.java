package org.unifiedanalytics.connect.config;

import java.util.Objects;

/**
 * A secret configuration value: an API token, a client secret. It never prints itself: not in
 * {@code toString()}, not in logs, exceptions or metrics. Read it with {@link #reveal()} only where it
 * goes on the wire.
 */
public final class Secret {
    private static final String REDACTED = "******";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself, for the request header or signature that needs it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
