package org.unifiedanalytics.connect.stream;

import java.util.List;
import java.util.Objects;

import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * How a daily-metrics stream is windowed.
 *
 * @param lookbackDays    reporting days before the last complete one that every incremental run reads
 *                        again, for numbers that arrive late (in the source's reporting time zone)
 * @param windowDays      the most reporting days one {@link DailyStream#readDays} call is asked for
 * @param replacePlatform the platform whose rows a window replaces whole, or null to upsert only
 * @param replaceKinds    the daily kinds replaced whole per (account, date) before a window is written,
 *                        so that rows that vanished upstream disappear; empty to upsert only
 */
public record DailyWindow(int lookbackDays, int windowDays, String replacePlatform,
                          List<Class<? extends WarehouseRecord>> replaceKinds) {

    public DailyWindow {
        if (lookbackDays < 0) {
            throw new IllegalArgumentException("lookbackDays must not be negative, got " + lookbackDays);
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1, got " + windowDays);
        }
        replaceKinds = List.copyOf(replaceKinds);
        if (!replaceKinds.isEmpty()) {
            Objects.requireNonNull(replacePlatform, "replacePlatform");
        }
    }

    /** Upserts rows, never deletes: a row that vanished upstream stays. */
    public static DailyWindow upserting(int lookbackDays, int windowDays) {
        return new DailyWindow(lookbackDays, windowDays, null, List.of());
    }

    /** Replaces each window's days whole for these kinds of the given platform, then writes the window. */
    @SafeVarargs
    public static DailyWindow replacing(int lookbackDays, int windowDays, String platform,
                                        Class<? extends WarehouseRecord>... kinds) {
        return new DailyWindow(lookbackDays, windowDays, platform, List.of(kinds));
    }

    public boolean replacesDays() {
        return !replaceKinds.isEmpty();
    }
}
