package org.unifiedanalytics.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;

/** On PostgreSQL the warehouse analyzes a table it has filled, whether or not autovacuum runs. */
class TableStatisticsTest {

    @Test
    void a_table_written_enough_rows_is_analyzed_by_the_writer() {
        TestDatabase.requirePostgres();
        try (TestWarehouse test = TestDatabase.POSTGRES.open()) {
            Warehouse warehouse = test.migrated();
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (int batch = 0; batch < 3; batch++) {
                List<Touchpoint> touches = new ArrayList<>();
                for (int i = 0; i < TableStatistics.FIRST / 2; i++) {
                    touches.add(new Touchpoint("scale", batch + "-" + i, CustomerKey.of("c" + i), at, "session", "email",
                            ChannelGroup.EMAIL, null, null, null, null));
                }
                warehouse.write(touches);
            }

            Long estimated = warehouse.dsl().resultQuery("SELECT reltuples::bigint FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = 'touchpoint'", warehouse.schema())
                    .fetchOne(0, Long.class);
            assertThat(estimated).as("the planner's row estimate of the filled table").isGreaterThanOrEqualTo(TableStatistics.FIRST);
        }
    }
}
