package org.unifiedanalytics.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ORDER_LINE;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * The scale-and-memory suite's paged case: a TikTok Shop backfill of many orders, read a hundred at a time, by the
 * CLI in a JVM with a small heap, its collections logged (the fake makes its orders up as they are asked for). The
 * process must finish with every order and line written, keep well under its heap limit, and keep no more alive in
 * the second half of the run than in the first.
 *
 * <p>Fast variant (in {@code mvn verify}): 20,000 orders at {@code -Xmx64m} on PostgreSQL. Long variant:
 * {@code mvn -pl examples/analytics-app test -Dtest=OrderPagesScaleTest -Dscale.tiktokshop.orders=2000000 -Dscale.heap=256m}.
 */
class OrderPagesScaleTest {
    private static final String SHOP = "7500000000000000001";

    @TempDir
    Path dir;

    @Test
    void a_backfill_of_many_order_pages_keeps_a_flat_heap_well_under_its_limit() throws Exception {
        TestDatabase.requirePostgres();
        int orders = Integer.getInteger("scale.tiktokshop.orders", 20_000);
        String heap = System.getProperty("scale.heap", "64m");
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        Duration step = Duration.ofSeconds(Math.max(1, 365L * 86_400 / orders));
        String schema = "scale_" + Long.toHexString(System.nanoTime());
        try (FakeTikTokShopApi shop = FakeTikTokShopApi.start("scale-app", "scale-app-secret")
                .shop(SHOP, "ROW_scale", "DE").generatedOrders(SHOP, orders, first, step, "EUR")) {
            TikTokShopScaleBackfill backfill = TikTokShopScaleBackfill.run(shop, SHOP, "orders", LocalDate.parse("2025-01-01"),
                    LocalDate.parse("2026-01-02"), heap, schema, dir);

            assertThat(backfill.exit()).as("the backfill's exit code:%n%s", backfill.log()).isZero();
            try (Warehouse warehouse = TestDatabase.postgresWarehouse(schema)) {
                assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(orders);
                assertThat(warehouse.dsl().fetchCount(ORDER_LINE)).isEqualTo(orders);
                warehouse.dsl().execute("DROP SCHEMA " + schema + " CASCADE");
            }
            GcLog heapLog = backfill.heap();
            double seconds = backfill.seconds();
            System.out.printf(Locale.ROOT, "scale (TikTok Shop order pages, PostgreSQL): %,d orders, -Xmx%s: finished in %.1f s"
                            + " (%,.0f orders/s, JVM start-up included); heap kept after %d collections: peak %d MiB, by quarter"
                            + " of the run %s%n", orders, heap, seconds, orders / seconds, heapLog.samples().size(),
                    heapLog.peakAfterMiB(), heapLog.quarters());
            heapLog.assertFlatWithin(heap);
        }
    }
}
