package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.FakeApiServer;

import com.example.storeorders.fake.FakeStoreOrdersApi;

/**
 * The concurrency suite: two processes backfilling the same connector instance at once. One is refused, saying why,
 * and leaves nothing behind; the other finishes, and the warehouse holds every order once.
 */
class ConcurrentSyncTest {
    private static final int ORDERS = 100;

    @TempDir
    Path dir;

    @Test
    void a_second_process_on_the_same_postgresql_schema_is_refused_while_the_first_runs() throws Exception {
        TestDatabase.requirePostgres();
        String schema = "concurrent_" + Long.toHexString(System.nanoTime());
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(ORDERS, Instant.parse("2026-01-02T00:00:00Z")))) {
            api.delayEveryResponse(Duration.ofMillis(250));
            List<String> database = List.of("--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                    "--database-password", TestDatabase.postgresPassword(), "--database-schema", schema,
                    "--credentials-key", java.util.Base64.getEncoder().encodeToString(
                            "concurrent-processes-key-32bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            Process first = backfill(api, database, "first");
            waitForRequests(api, 3, first, "first");

            Process second = backfill(api, database, "second");

            assertThat(finish(second)).as("the second process's exit code:%n%s", log("second")).isEqualTo(2);
            assertThat(first.isAlive()).as("the first process still ran when the second was refused").isTrue();
            assertThat(log("second")).contains("a sync of connector instance 'store-orders' is already running");
            assertThat(finish(first)).as("the first process, undisturbed:%n%s", log("first")).isZero();
            try (Warehouse warehouse = TestDatabase.postgresWarehouse(schema)) {
                assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(ORDERS);
            } finally {
                TestDatabase.dropPostgresSchema(schema);
            }
        }
    }

    @Test
    void a_second_process_on_the_same_embedded_file_is_refused_with_the_file_named() throws Exception {
        Path file = dir.resolve("warehouse");
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(ORDERS, Instant.parse("2026-01-02T00:00:00Z")))) {
            api.delayEveryResponse(Duration.ofMillis(250));
            List<String> embedded = List.of("--embedded", file.toString());
            Process first = backfill(api, embedded, "first");
            waitForRequests(api, 3, first, "first");

            Process second = backfill(api, embedded, "second");

            assertThat(finish(second)).as("the second process's exit code:%n%s", log("second")).isEqualTo(2);
            assertThat(first.isAlive()).as("the first process still ran when the second was refused").isTrue();
            assertThat(log("second")).contains(file + ".mv.db").contains("is in use by another process");
            assertThat(finish(first)).as("the first process, undisturbed:%n%s", log("first")).isZero();
            try (Warehouse warehouse = Warehouse.embedded(file)) {
                assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(ORDERS);
            }
        }
    }

    private Process backfill(FakeApiServer api, List<String> warehouse, String name) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".properties"), "# the configuration comes from the environment\n");
        List<String> arguments = new ArrayList<>(warehouse);
        arguments.addAll(List.of("--config", config.toString(), "backfill", "store-orders", "--from", "2026-01-01", "--to",
                "2026-03-01"));
        return CliProcess.start(arguments, CliProcess.storeOrders(api), dir.resolve(name + ".log"));
    }

    private String log(String name) throws java.io.IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private static int finish(Process process) throws InterruptedException {
        return CliProcess.finish(process, 120);
    }

    private void waitForRequests(FakeApiServer api, int count, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (api.requests().size() < count) {
            if (!process.isAlive()) {
                process.waitFor();
                assertThat(process.isAlive()).as("the CLI is still running:%n%s", log(name)).isTrue();
            }
            assertThat(System.nanoTime()).as("the CLI reached %d requests in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
