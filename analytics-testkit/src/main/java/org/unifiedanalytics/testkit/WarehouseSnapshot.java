package org.unifiedanalytics.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Table;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.schema.Analytics;

/**
 * Every row of every data table of a warehouse, for comparing two warehouses: surrogate ids, the run log,
 * checkpoints and attribution's maintained credits (derived, with ids of their own) are left out, since two equal
 * syncs assign them differently.
 */
public final class WarehouseSnapshot {
    private static final Set<String> LEFT_OUT_TABLES = Set.of("sync_run", "sync_state", "credential", "analytics_scheduled_tasks");
    private static final Set<String> SURROGATE_IDS = Set.of("touchpoint_id", "conversion_id");

    private WarehouseSnapshot() {
    }

    /**
     * The columns that say when the SDK wrote a row rather than what the source said: two syncs of the same data at
     * different moments differ there only. For {@link #of(Warehouse, Set)}.
     */
    public static final Set<String> WRITE_TIMES = Set.of("fetched_at", "source_account.updated_at", "content.updated_at",
            "email_campaign.updated_at");

    /** Table name to its rows (each rendered as text), sorted. */
    public static Map<String, List<String>> of(Warehouse warehouse) {
        return of(warehouse, Set.of());
    }

    /**
     * Table name to its rows, sorted, without the columns named: {@code column} in every table, {@code table.column}
     * in one ({@link #WRITE_TIMES}, say).
     */
    public static Map<String, List<String>> of(Warehouse warehouse, Set<String> ignoredColumns) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (Table<?> table : Analytics.ANALYTICS.getTables()) {
            if (!table.getTableType().isTable() || LEFT_OUT_TABLES.contains(table.getName())
                    || table.getName().startsWith("attribution_")) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : warehouse.dsl().selectFrom(table).fetch().intoMaps()) {
                Map<String, Object> kept = new LinkedHashMap<>(row);
                kept.keySet().removeIf(column -> {
                    String name = column.toLowerCase(java.util.Locale.ROOT);
                    return SURROGATE_IDS.contains(name) || ignoredColumns.contains(name)
                            || ignoredColumns.contains(table.getName() + "." + name);
                });
                rows.add(kept.toString());
            }
            rows.sort(null);
            snapshot.put(table.getName(), rows);
        }
        return snapshot;
    }

    /** The number of data rows in the warehouse. */
    public static int rowCount(Map<String, List<String>> snapshot) {
        return snapshot.values().stream().mapToInt(List::size).sum();
    }
}
