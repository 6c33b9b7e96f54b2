package org.unifiedanalytics.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A half-open range of UTC instants {@code [from, to)}. Attribution selects conversions by it; their
 * lookback may reach before {@code from}.
 *
 * <p>Backfills and daily metrics speak in reporting dates ({@code DateRange}, also half-open); a query speaks
 * in instants. The bridge is a zone: the dates a backfill loaded, as the instants of the shop's own days,
 * are
 * <pre>{@code
 * DateRange loaded = new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"));
 * Period january = Period.days(loaded.from(), loaded.toExclusive(), ZoneId.of("Europe/Paris"));
 * }</pre>
 * and {@link #days(LocalDate, LocalDate)} takes UTC days.
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
        return days(from, toExclusive, ZoneOffset.UTC);
    }

    /**
     * The dates {@code [from, toExclusive)} of a zone, from the first instant of {@code from} there to the first
     * instant of {@code toExclusive} (a day with a daylight-saving change is 23 or 25 hours long).
     */
    public static Period days(LocalDate from, LocalDate toExclusive, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return new Period(from.atStartOfDay(zone).toInstant(), toExclusive.atStartOfDay(zone).toInstant());
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
