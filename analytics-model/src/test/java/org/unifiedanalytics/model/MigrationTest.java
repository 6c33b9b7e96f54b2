package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.unifiedanalytics.model.internal.SchemaMigrator;
import org.unifiedanalytics.model.schema.Analytics;
import org.unifiedanalytics.model.schema.Tables;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

class MigrationTest {

    @OnEachDatabase
    void an_empty_database_is_migrated_to_every_table_of_the_model(TestDatabase database) throws Exception {
        try (TestWarehouse test = database.open()) {
            MigrationResult result = test.warehouse().migrate();

            assertThat(result.migrationsApplied()).isGreaterThanOrEqualTo(1);
            List<String> tables = tablesIn(test.warehouse());
            for (var table : Analytics.ANALYTICS.getTables()) {
                assertThat(tables).as("tables of schema %s", test.warehouse().schema()).contains(table.getName());
            }
            assertThat(tables).contains(org.unifiedanalytics.model.internal.SchemaMigrator.HISTORY_TABLE);
        }
    }

    @OnEachDatabase
    void migrating_a_current_schema_again_applies_nothing(TestDatabase database) {
        try (TestWarehouse test = database.open()) {
            MigrationResult first = test.warehouse().migrate();

            MigrationResult second = test.warehouse().migrate();

            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
        }
    }

    @OnEachDatabase
    void upgrading_a_schema_keeps_the_content_metrics_it_holds(TestDatabase database) throws Exception {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.warehouse();
            SchemaMigrator.migrate(warehouse.dataSource(), warehouse.dialect(), warehouse.schema(), "2");
            try (Connection c = warehouse.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("SET " + (warehouse.dialect() == WarehouseDialect.H2 ? "SCHEMA " : "search_path TO ") + warehouse.schema());
                s.execute("INSERT INTO content_metric_daily (platform, content_id, report_date, account_id, counting, views, fetched_at)"
                        + " VALUES ('tiktok', 'v1', DATE '2026-03-01', 'acc-1', 'lifetime', 100, TIMESTAMP '2026-03-01 12:00:00')");
            }

            MigrationResult upgrade = warehouse.migrate();

            assertThat(upgrade.migrationsApplied()).isGreaterThanOrEqualTo(1);
            var m = Tables.CONTENT_METRIC_INCREASE;
            var row = warehouse.dsl().select(m.VIEWS, m.ORDERS, m.CLICK_THROUGH_RATE).from(m).where(m.CONTENT_ID.eq("v1")).fetchOne();
            assertThat(row.value1()).isEqualTo(100L);
            assertThat(row.value2()).isNull();
            assertThat(row.value3()).isNull();
        }
    }

    @OnEachDatabase
    void the_host_applications_own_flyway_history_is_left_alone(TestDatabase database) throws Exception {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.warehouse();
            try (Connection c = warehouse.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history_host_probe (id INT)");
            }

            warehouse.migrate();

            assertThat(tablesIn(warehouse)).doesNotContain("flyway_schema_history");
            try (Connection c = warehouse.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("DROP TABLE flyway_schema_history_host_probe");
            }
        }
    }

    private static List<String> tablesIn(Warehouse warehouse) throws Exception {
        List<String> names = new ArrayList<>();
        String schema = warehouse.dialect() == WarehouseDialect.H2 ? warehouse.schema().toUpperCase(Locale.ROOT)
                : warehouse.schema();
        try (Connection c = warehouse.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[]{"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
