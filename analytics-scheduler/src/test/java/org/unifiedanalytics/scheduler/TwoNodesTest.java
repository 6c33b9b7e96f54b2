package org.unifiedanalytics.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ANALYTICS_SCHEDULED_TASKS;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.scheduler.internal.RefreshTasks;

/** Two scheduler nodes, each with its own connection pool, on one PostgreSQL: every job runs exactly once. */
class TwoNodesTest {
    private final ScriptedSource source = new ScriptedSource();

    private RefreshScheduler node(Warehouse warehouse) {
        Ingestion ingestion = Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(source))).build();
        return RefreshScheduler.builder(warehouse, ingestion).threads(3).pollingInterval(Duration.ofMillis(100))
                .retries(3, Duration.ofSeconds(1))
                .connector("scripted", ConfigValues.of(Map.of("initial_days", "2")), RefreshSchedule.parse("every 1h"))
                .build();
    }

    @Test
    void fifty_due_backfills_on_two_nodes_each_run_exactly_once() throws Exception {
        try (TestWarehouse test = TestDatabase.POSTGRES.open()) {
            Warehouse first = test.migrated();
            try (Warehouse second = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                    .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema(first.schema())
                    .maximumPoolSize(4).build();
                 RefreshScheduler a = node(first); RefreshScheduler b = node(second)) {
                for (int d = 0; d < 50; d++) {
                    LocalDate day = LocalDate.of(2025, 1, 1).plusDays(d);
                    (d % 2 == 0 ? a : b).backfill("scripted", new DateRange(day, day.plusDays(1)));
                }

                a.start();
                b.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (first.dsl().fetchCount(ANALYTICS_SCHEDULED_TASKS, ANALYTICS_SCHEDULED_TASKS.TASK_NAME.eq(RefreshTasks.BACKFILL)) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }

            for (int d = 0; d < 50; d++) {
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(d);
                assertThat(source.runsPerWindow).containsKey(new DateRange(day, day.plusDays(1)).toString());
            }
            // Every window, the backfills' and the refresh's catch-up from their checkpoint, was read once only.
            source.runsPerWindow.forEach((window, runs) -> assertThat(runs.get()).as(window).isEqualTo(1));
        }
    }
}
