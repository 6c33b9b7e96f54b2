package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.SYNC_RUN;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.scheduler.RefreshSchedule;
import org.unifiedanalytics.scheduler.RefreshScheduler;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.WarehouseSnapshot;

import com.example.storeorders.fake.FakeStoreOrdersApi;

/**
 * A scheduler node (the CLI's `run`, in a child JVM) killed with SIGKILL in the middle of a refresh: another node
 * on the same PostgreSQL takes the refresh over once the dead node's heartbeats stop, and the warehouse ends equal
 * to a refresh that was never interrupted.
 */
class KilledSchedulerNodeTest {
    private static final int ORDERS = 150;

    @Test
    void a_refresh_of_a_killed_node_is_taken_over_by_another_and_ends_as_if_never_interrupted(@TempDir Path dir) throws Exception {
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(ORDERS, Instant.now().minus(Duration.ofDays(50))));
             TestWarehouse shared = TestDatabase.POSTGRES.open(); TestWarehouse reference = TestDatabase.POSTGRES.open()) {
            api.delayEveryResponse(Duration.ofMillis(60));
            Warehouse warehouse = shared.migrated();

            Process node = runNode(api, warehouse.schema(), dir);
            waitForRequests(api, 12, node);
            node.destroyForcibly();   // SIGKILL: its run stays "picked", its heartbeats stop
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int partial = warehouse.dsl().fetchCount(SALES_ORDER);

            Ingestion ingestion = Ingestion.on(warehouse);
            try (RefreshScheduler survivor = RefreshScheduler.builder(warehouse, ingestion)
                    .connector("store-orders", ConfigValues.of(config(api)), RefreshSchedule.parse("every 1h"))
                    .pollingInterval(Duration.ofMillis(200)).heartbeat(Duration.ofMillis(500), 4).build()) {
                survivor.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (warehouse.dsl().fetchCount(SYNC_RUN, SYNC_RUN.STATUS.eq("SUCCEEDED")) == 0) {
                    assertThat(System.nanoTime()).as("the survivor took the refresh over in time").isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            Warehouse clean = reference.migrated();
            assertThat(Ingestion.on(clean).sync("store-orders", ConfigValues.of(config(api))).succeeded()).isTrue();

            assertThat(partial).as("orders committed before the kill").isBetween(1, ORDERS - 1);
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(ORDERS);
            assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(WarehouseSnapshot.of(clean));
            assertThat(warehouse.dsl().fetchCount(SYNC_RUN, SYNC_RUN.STATUS.eq("ABANDONED"))).isEqualTo(1);
        }
    }

    private static Map<String, String> config(FakeApiServer api) {
        Map<String, String> config = new HashMap<>();
        config.put("base_url", api.baseUrl().toString());
        config.put("api_key", FakeStoreOrdersApi.KEY);
        config.put("store_id", FakeStoreOrdersApi.STORE);
        config.put("page_size", "5");
        config.put("initial_days", "60");
        return config;
    }

    private static Process runNode(FakeApiServer api, String schema, Path dir) throws Exception {
        if (java.nio.file.Files.notExists(dir.resolve("none.properties"))) {
            java.nio.file.Files.writeString(dir.resolve("none.properties"), "# the configuration comes from the environment\n");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                "--database-schema", schema, "--config", dir.resolve("none.properties").toString(),
                "run", "store-orders", "--poll", "200ms", "--heartbeat", "500ms"));
        if (!TestDatabase.postgresPassword().isEmpty()) {
            command.add(command.indexOf("--database-schema"), "--database-password=" + TestDatabase.postgresPassword());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.resolve("node.log").toString())));
        Map<String, String> env = builder.environment();
        config(api).forEach((key, value) -> env.put("ANALYTICS_STORE_ORDERS_" + key.toUpperCase(java.util.Locale.ROOT), value));
        env.put("ANALYTICS_STORE_ORDERS_SCHEDULE", "every 1h");
        return builder.start();
    }

    private static void waitForRequests(FakeApiServer api, int count, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (api.requests().size() < count) {
            assertThat(process.isAlive()).as("the node is still running").isTrue();
            assertThat(System.nanoTime()).as("the node reached %d requests in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
