package org.unifiedanalytics.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A half-open range of UTC instants {@code [from, to)}. Attribution selects conversions by it; their
 * lookback may reach before {@code from}.
 */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: [" + from + ", " + to + ")");
        }
    }

    /** Everything: no bound worth the name. */
    public static Period all() {
        return new Period(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("9999-01-01T00:00:00Z"));
    }

    /** UTC dates {@code [from, toExclusive)}. */
    public static Period days(LocalDate from, LocalDate toExclusive) {
        return new Period(from.atStartOfDay(ZoneOffset.UTC).toInstant(), toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The last {@code days} whole UTC days before today, and today so far. */
    public static Period lastDays(int days, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return days(today.minusDays(days), today.plusDays(1));
    }

    public static Period lastDays(int days) {
        return lastDays(days, Clock.systemUTC());
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
