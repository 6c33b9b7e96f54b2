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
 * Every row of every data table of a warehouse, for comparing two warehouses: surrogate ids, the run log
 * and checkpoints are left out, since two equal syncs assign them differently.
 */
public final class WarehouseSnapshot {
    private static final Set<String> LEFT_OUT_TABLES = Set.of("sync_run", "sync_state", "credential", "analytics_scheduled_tasks");
    private static final Set<String> SURROGATE_IDS = Set.of("touchpoint_id", "conversion_id");

    private WarehouseSnapshot() {
    }

    /** Table name to its rows (each rendered as text), sorted. */
    public static Map<String, List<String>> of(Warehouse warehouse) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (Table<?> table : Analytics.ANALYTICS.getTables()) {
            if (!table.getTableType().isTable() || LEFT_OUT_TABLES.contains(table.getName())) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : warehouse.dsl().selectFrom(table).fetch().intoMaps()) {
                Map<String, Object> kept = new LinkedHashMap<>(row);
                kept.keySet().removeIf(column -> SURROGATE_IDS.contains(column.toLowerCase(java.util.Locale.ROOT)));
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
