package org.unifiedanalytics.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ORDER_LINE;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connector.sales.shopify.ShopifyProvider;
import org.unifiedanalytics.examples.cli.CliProcess;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

/**
 * The scale-and-memory suite's Shopify case: a backfill read from one bulk export, by the CLI in a JVM with a small
 * heap, its collections logged. The process must finish with every order and line item written, the heap it keeps
 * alive after collections must stay well under the limit, and the second half of the run must keep no more alive
 * than the first (nothing accumulates as the orders are written).
 *
 * <p>On PostgreSQL by default, so that the process's heap is the SDK's alone (the embedded H2 keeps a page cache of up
 * to 64 MiB in the same heap, filling as the data grows); {@code -Dscale.database=h2} runs it on the embedded file.
 * Fast variant (in {@code mvn verify}): 20,000 orders, 40,000 JSONL lines, {@code -Xmx64m}. Long variant:
 * {@code mvn -pl examples/analytics-app test -Dtest=BulkExportScaleTest -Dscale.shopify.orders=500000 -Dscale.heap=256m}
 * (1,000,000 JSONL lines).
 */
class BulkExportScaleTest {
    private static final String TOKEN = "shpat_scale_0000000000000000";

    @TempDir
    Path dir;

    @Test
    void a_backfill_from_a_large_bulk_export_keeps_a_flat_heap_well_under_its_limit() throws Exception {
        int orders = Integer.getInteger("scale.shopify.orders", 20_000);
        boolean embedded = "h2".equals(System.getProperty("scale.database", "postgres"));
        if (!embedded) {
            TestDatabase.requirePostgres();
        }
        String schema = "scale_" + Long.toHexString(System.nanoTime());
        List<String> warehouseOptions = embedded ? List.of("--embedded", dir.resolve("warehouse").toString())
                : List.of("--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                        "--database-password", TestDatabase.postgresPassword(), "--database-schema", schema,
                        "--credentials-key", java.util.Base64.getEncoder().encodeToString(
                                "scale-suite-credentials-key-32b!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String heap = System.getProperty("scale.heap", "64m");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long step = 365L * 86_400 / orders;
        try (FakeShopifyApi shopify = FakeShopifyApi.start(ShopifyProvider.DEFAULT_VERSION, TOKEN, 10_000, 1_000)) {
            shopify.generatedOrders(orders, start, java.time.Duration.ofSeconds(step), "EUR");
            Path gc = dir.resolve("gc.log");
            Path config = Files.writeString(dir.resolve("none.properties"), "");
            long began = System.nanoTime();
            List<String> arguments = new java.util.ArrayList<>(warehouseOptions);
            arguments.addAll(List.of("--config", config.toString(), "backfill", "shopify", "--from", "2025-01-01", "--to",
                    "2026-01-02"));
            Process backfill = CliProcess.start(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gc), arguments,
                    Map.of("ANALYTICS_SHOPIFY_SHOP", "clay-and-co", "ANALYTICS_SHOPIFY_ACCESS_TOKEN", TOKEN,
                            "ANALYTICS_SHOPIFY_BASE_URL", shopify.baseUrl(), "ANALYTICS_SHOPIFY_BULK_POLL_INTERVAL", "50ms"),
                    dir.resolve("cli.log"));
            int exit = CliProcess.finish(backfill, 3_600);
            double seconds = (System.nanoTime() - began) / 1e9;
            String log = Files.readString(dir.resolve("cli.log"));

            assertThat(exit).as("the backfill's exit code:%n%s", log).isZero();
            assertThat(shopify.bulkOperationCount()).as("read from one bulk export").isEqualTo(1);
            try (Warehouse warehouse = embedded ? Warehouse.embedded(dir.resolve("warehouse"))
                    : TestDatabase.postgresWarehouse(schema)) {
                assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(orders);
                assertThat(warehouse.dsl().fetchCount(ORDER_LINE)).isEqualTo(orders);
                if (!embedded) {
                    warehouse.dsl().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            GcLog heapLog = GcLog.read(gc);
            System.out.printf(Locale.ROOT, "scale (Shopify bulk export, %s): %,d orders, %,d JSONL lines, -Xmx%s: finished in %.1f s"
                            + " (%,.0f orders/s, JVM start-up and the export's polling included); heap kept after %d collections:"
                            + " peak %d MiB, by quarter of the run %s%n", embedded ? "embedded H2" : "PostgreSQL", orders, 2L * orders, heap, seconds, orders / seconds,
                    heapLog.samples().size(), heapLog.peakAfterMiB(), heapLog.quarters());
            heapLog.assertFlatWithin(heap);
        }
    }
}
