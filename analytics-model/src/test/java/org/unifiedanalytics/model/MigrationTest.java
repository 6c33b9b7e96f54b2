package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.unifiedanalytics.model.schema.Analytics;
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
