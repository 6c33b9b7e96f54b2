package org.unifiedanalytics.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.examples.cli.CliProcess;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * The scale-and-memory suite's content-metric case: a backfill of TikTok Shop's seller analytics, every day's videos
 * read a hundred at a time, by the CLI in a JVM with a small heap, its collections logged (the fake makes the rows up
 * as they are asked for). Each day is a window that replaces the day's rows, so the process must finish with one row
 * per video and day, keep well under its heap limit, and keep no more alive in the second half of the run than in
 * the first.
 *
 * <p>Fast variant (in {@code mvn verify}): 1,000 videos over 20 days (20,000 daily rows) at {@code -Xmx64m} on
 * PostgreSQL. Long variant (1,000,000 daily rows): {@code mvn -pl examples/analytics-app test
 * -Dtest=ContentMetricsScaleTest -Dscale.content.videos=10000 -Dscale.content.days=100 -Dscale.heap=256m}.
 */
class ContentMetricsScaleTest {
    private static final String SHOP = "7500000000000000002";

    @TempDir
    Path dir;

    @Test
    void a_backfill_of_a_million_daily_content_rows_keeps_a_flat_heap_well_under_its_limit() throws Exception {
        TestDatabase.requirePostgres();
        int videos = Integer.getInteger("scale.content.videos", 1_000);
        int days = Integer.getInteger("scale.content.days", 20);
        String heap = System.getProperty("scale.heap", "64m");
        LocalDate first = LocalDate.parse("2025-01-01");
        String schema = "scale_" + Long.toHexString(System.nanoTime());
        try (FakeTikTokShopApi shop = FakeTikTokShopApi.start("scale-app", "scale-app-secret")
                .shop(SHOP, "ROW_scale_content", "DE").generatedVideoDays(SHOP, videos, "EUR")) {
            Path gc = dir.resolve("gc.log");
            Path config = Files.writeString(dir.resolve("none.properties"), "");
            List<String> arguments = List.of("--database", TestDatabase.postgresUrl(), "--database-user",
                    TestDatabase.postgresUser(), "--database-password", TestDatabase.postgresPassword(), "--database-schema", schema,
                    "--credentials-key", Base64.getEncoder().encodeToString("scale-suite-credentials-key-32b!".getBytes(
                            StandardCharsets.US_ASCII)), "--config", config.toString(),
                    "backfill", "tiktok-shop", "--streams", "performance", "--from", first.toString(), "--to",
                    first.plusDays(days).toString());
            long began = System.nanoTime();
            Process backfill = CliProcess.start(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gc), arguments,
                    Map.of("ANALYTICS_TIKTOK_SHOP_APP_KEY", "scale-app", "ANALYTICS_TIKTOK_SHOP_APP_SECRET", "scale-app-secret",
                            "ANALYTICS_TIKTOK_SHOP_REFRESH_TOKEN", shop.refreshToken(), "ANALYTICS_TIKTOK_SHOP_SHOPS", SHOP,
                            "ANALYTICS_TIKTOK_SHOP_BASE_URL", shop.baseUrl(), "ANALYTICS_TIKTOK_SHOP_AUTH_URL", shop.baseUrl(),
                            // the SDK's rate is measured here, not the API's quota (10 requests a second by default)
                            "ANALYTICS_TIKTOK_SHOP_REQUESTS_PER_SECOND", "1000", "ANALYTICS_TIKTOK_SHOP_REQUESTS_PER_MINUTE",
                            "60000", "ANALYTICS_TIKTOK_SHOP_PAGE_SIZE", "100"),
                    dir.resolve("cli.log"));
            int exit = CliProcess.finish(backfill, 7_200);
            double seconds = (System.nanoTime() - began) / 1e9;
            String log = Files.readString(dir.resolve("cli.log"));

            assertThat(exit).as("the backfill's exit code:%n%s", log).isZero();
            long rows = (long) videos * days;
            try (Warehouse warehouse = TestDatabase.postgresWarehouse(schema)) {
                assertThat((long) warehouse.dsl().fetchCount(CONTENT_METRIC_DAILY)).isEqualTo(rows);
                assertThat(warehouse.dsl().fetchCount(CONTENT_METRIC_DAILY, CONTENT_METRIC_DAILY.REPORT_DATE.eq(first)))
                        .as("the first day's rows").isEqualTo(videos);
                assertThat(warehouse.dsl().fetchCount(CONTENT)).as("one content row per video").isEqualTo(videos);
                warehouse.dsl().execute("DROP SCHEMA " + schema + " CASCADE");
            }
            GcLog heapLog = GcLog.read(gc);
            System.out.printf(Locale.ROOT, "scale (TikTok Shop seller analytics, PostgreSQL): %,d daily rows (%,d videos x %d"
                            + " days), -Xmx%s: finished in %.1f s (%,.0f rows/s, JVM start-up included); heap kept after %d"
                            + " collections: peak %d MiB, by quarter of the run %s%n", rows, videos, days, heap, seconds,
                    rows / seconds, heapLog.samples().size(), heapLog.peakAfterMiB(), heapLog.quarters());
            heapLog.assertFlatWithin(heap);
        }
    }
}
