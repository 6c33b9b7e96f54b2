package org.unifiedanalytics.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of the periods KPIs are reported by; weeks start on Monday (ISO). */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The first day of the bucket a date falls in. */
    public LocalDate bucketOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }
}
