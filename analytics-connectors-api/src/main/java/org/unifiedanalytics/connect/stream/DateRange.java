package org.unifiedanalytics.connect.stream;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reporting dates {@code [from, toExclusive)}: half-open, so consecutive ranges never overlap.
 *
 * <p>A backfill over a range reads each daily stream's reporting dates in it (the source's own days), and
 * each cursor stream's changes in the instants {@code [from, toExclusive)} of UTC days. A query takes instants:
 * {@code Period.days(range.from(), range.toExclusive(), zone)} of {@code analytics-query} turns a range into
 * them, in the zone you name.
 */
public record DateRange(LocalDate from, LocalDate toExclusive) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!toExclusive.isAfter(from)) {
            throw new IllegalArgumentException("a date range ends after it starts: [" + from + ", " + toExclusive + ")");
        }
    }

    /** The last date of the range. */
    public LocalDate lastDay() {
        return toExclusive.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, toExclusive);
    }

    /** This range cut into consecutive windows of at most {@code windowDays}. */
    public List<DateRange> split(int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1, got " + windowDays);
        }
        List<DateRange> windows = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(toExclusive); start = start.plusDays(windowDays)) {
            LocalDate end = start.plusDays(windowDays);
            windows.add(new DateRange(start, end.isAfter(toExclusive) ? toExclusive : end));
        }
        return windows;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + toExclusive + ")";
    }
}
