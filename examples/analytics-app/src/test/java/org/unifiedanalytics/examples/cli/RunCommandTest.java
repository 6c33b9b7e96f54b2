package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.FakeApiServer;

import com.example.storeorders.fake.FakeStoreOrdersApi;

/** `run`: the scheduler from the command line, bounded by --stop-after. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void run_refreshes_a_connector_on_its_schedule_and_prints_the_next_run() throws Exception {
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(20, Instant.now().minusSeconds(86_400 * 3)))) {
            Path config = Files.write(dir.resolve("analytics.properties"), List.of("store-orders.api_key=" + FakeStoreOrdersApi.KEY,
                    "store-orders.store_id=" + FakeStoreOrdersApi.STORE, "store-orders.base_url=" + api.baseUrl(),
                    "store-orders.schedule=every 1h"));
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString()};

            CliRun run = CliRun.of(common, "run", "store-orders", "--poll", "200ms", "--stop-after", "3s");
            CliRun status = CliRun.of(common, "status");

            assertThat(run.code()).as(run.out()).isZero();
            assertThat(run.out()).contains("Refreshing store-orders on their schedules", "every 1h", "last SUCCEEDED");
            assertThat(status.out()).contains("store-orders", "SUCCEEDED", ", next run 20");
        }
    }

    @Test
    void a_schedule_that_cannot_be_read_is_refused_naming_its_key() throws Exception {
        Path config = Files.write(dir.resolve("analytics.properties"), List.of("store-orders.api_key=k",
                "store-orders.store_id=s", "store-orders.schedule=twice a day"));
        String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString()};

        CliRun run = CliRun.of(common, "run", "store-orders", "--stop-after", "1s");

        assertThat(run.code()).isEqualTo(2);
    }
}
