package org.unifiedanalytics.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            TikTokShopScaleBackfill backfill = TikTokShopScaleBackfill.run(shop, SHOP, "performance", first, first.plusDays(days),
                    heap, schema, dir);

            assertThat(backfill.exit()).as("the backfill's exit code:%n%s", backfill.log()).isZero();
            long rows = (long) videos * days;
            try (Warehouse warehouse = TestDatabase.postgresWarehouse(schema)) {
                assertThat((long) warehouse.dsl().fetchCount(CONTENT_METRIC_DAILY)).isEqualTo(rows);
                assertThat(warehouse.dsl().fetchCount(CONTENT_METRIC_DAILY, CONTENT_METRIC_DAILY.REPORT_DATE.eq(first)))
                        .as("the first day's rows").isEqualTo(videos);
                assertThat(warehouse.dsl().fetchCount(CONTENT)).as("one content row per video").isEqualTo(videos);
                warehouse.dsl().execute("DROP SCHEMA " + schema + " CASCADE");
            }
            GcLog heapLog = backfill.heap();
            double seconds = backfill.seconds();
            System.out.printf(Locale.ROOT, "scale (TikTok Shop seller analytics, PostgreSQL): %,d daily rows (%,d videos x %d"
                            + " days), -Xmx%s: finished in %.1f s (%,.0f rows/s, JVM start-up included); heap kept after %d"
                            + " collections: peak %d MiB, by quarter of the run %s%n", rows, videos, days, heap, seconds,
                    rows / seconds, heapLog.samples().size(), heapLog.peakAfterMiB(), heapLog.quarters());
            heapLog.assertFlatWithin(heap);
        }
    }
}
