package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.SYNC_RUN;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.WarehouseSnapshot;

import com.example.storeorders.fake.FakeStoreOrdersApi;

/**
 * The CLI killed with SIGKILL in the middle of a backfill, then run again, leaves the warehouse equal to
 * a backfill that was never interrupted: no order lost, none doubled.
 */
class KilledBackfillTest {
    private static final int ORDERS = 150;

    @Test
    void a_backfill_killed_midway_and_rerun_equals_an_uninterrupted_one(@TempDir Path dir) throws Exception {
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(ORDERS, Instant.parse("2026-01-02T00:00:00Z")))) {
            api.delayEveryResponse(Duration.ofMillis(60));
            Path killed = dir.resolve("killed");
            Path clean = dir.resolve("clean");

            Process first = backfill(api, killed);
            waitForRequests(api, 12, first);
            first.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no rollback, no goodbye
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isNotZero();
            int partial = orders(killed);
            assertThat(partial).as("orders committed before the kill").isBetween(1, ORDERS - 1);

            assertThat(finish(backfill(api, killed))).isZero();
            assertThat(finish(backfill(api, clean))).isZero();

            try (Warehouse resumed = Warehouse.embedded(killed); Warehouse uninterrupted = Warehouse.embedded(clean)) {
                assertThat(resumed.dsl().fetchCount(SALES_ORDER)).isEqualTo(ORDERS);
                assertThat(WarehouseSnapshot.of(resumed)).isEqualTo(WarehouseSnapshot.of(uninterrupted));
                assertThat(resumed.dsl().fetchCount(SYNC_RUN, SYNC_RUN.STATUS.eq("ABANDONED"))).isEqualTo(1);
            }
        }
    }

    private static Process backfill(FakeApiServer api, Path warehouse) throws Exception {
        if (java.nio.file.Files.notExists(Path.of(warehouse + ".properties"))) {
            java.nio.file.Files.writeString(Path.of(warehouse + ".properties"), "# the configuration comes from the environment\n");
        }
        return CliProcess.start(List.of("--embedded", warehouse.toString(), "--config", warehouse + ".properties",
                "backfill", "store-orders", "--from", "2026-01-01", "--to", "2026-03-01"), CliProcess.storeOrders(api),
                Path.of(warehouse + ".log"));
    }

    private static int finish(Process process) throws InterruptedException {
        return CliProcess.finish(process, 120);
    }

    private static void waitForRequests(FakeApiServer api, int count, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (api.requests().size() < count) {
            assertThat(process.isAlive()).as("the CLI is still running").isTrue();
            assertThat(System.nanoTime()).as("the CLI reached %d requests in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int orders(Path file) {
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            return warehouse.dsl().fetchCount(SALES_ORDER);
        }
    }
}
