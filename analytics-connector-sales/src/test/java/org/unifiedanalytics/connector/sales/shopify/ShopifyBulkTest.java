package org.unifiedanalytics.connector.sales.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ORDER_LINE;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.WarehouseSnapshot;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Long ranges by bulk operation, and orders with more line items than one query brings. */
class ShopifyBulkTest {
    private static final DateRange QUARTER = new DateRange(LocalDate.of(2025, 12, 10), LocalDate.of(2026, 3, 11));
    private final SettableClock clock = new SettableClock(ShopifyFixture.NOW);

    private SyncReport backfill(Warehouse warehouse, FakeShopifyApi shopify, String bulkAfterDays) {
        Map<String, String> values = new HashMap<>(ShopifyFixture.config(shopify));
        values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000", "bulk_poll_interval", "10ms",
                "bulk_after_days", bulkAfterDays));
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new ShopifyProvider()))).clock(clock).build()
                .sync(SyncRequest.backfill("shopify", ConfigValues.of(values), QUARTER).withStreams(java.util.Set.of("orders")));
    }

    private static long bulkFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("shopify-bulk-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_backfill_longer_than_bulk_after_days_is_exported_once_and_stores_what_paging_would() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse bulk = TestDatabase.H2.open();
             TestWarehouse paged = TestDatabase.H2.open()) {
            SyncReport exported = backfill(bulk.migrated(), shopify, "30");
            SyncReport read = backfill(paged.migrated(), shopify, "0");

            assertThat(exported.succeeded()).as(exported.failures().toString()).isTrue();
            assertThat(read.succeeded()).as(read.failures().toString()).isTrue();
            assertThat(shopify.bulkOperationCount()).isEqualTo(1);
            assertThat(bulk.warehouse().dsl().fetchCount(SALES_ORDER)).isEqualTo(30);
            assertThat(WarehouseSnapshot.of(bulk.warehouse())).isEqualTo(WarehouseSnapshot.of(paged.warehouse()));
        }
    }

    @Test
    void the_bulk_result_is_fetched_from_its_signed_url_without_the_access_token() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            backfill(test.migrated(), shopify, "30");

            assertThat(shopify.server().requests()).filteredOn(r -> r.path().startsWith("/bulk-results/")).hasSize(1);
            assertThat(shopify.tokensSentToStorage()).isZero();
        }
    }

    @Test
    void a_refused_download_names_the_url_but_never_its_signature() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            shopify.refuseDownloads();

            SyncReport report = backfill(test.migrated(), shopify, "30");

            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("Request has expired").contains("/bulk-results/").contains("X-Goog-Signature=******")
                    .doesNotContain("f4k3s1gn4tur3")));
        }
    }

    @Test
    void a_shop_that_runs_no_more_bulk_queries_is_read_by_pages() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            shopify.bulkBusy(true);

            SyncReport report = backfill(test.migrated(), shopify, "30");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(shopify.bulkOperationCount()).isZero();
            assertThat(test.warehouse().dsl().fetchCount(SALES_ORDER)).isEqualTo(30);
        }
    }

    @OnEachDatabase
    void five_hundred_orders_some_with_300_lines_load_whole_by_pages_and_no_query_exceeds_the_cost_limit(TestDatabase db) {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 20_000); TestWarehouse test = db.open()) {
            for (int i = 0; i < 500; i++) {
                Instant created = ShopifyFixture.NOW.minusSeconds(600L * (i + 1));
                int lines = i % 50 == 0 ? 300 : 1 + i % 4;
                shopify.order(ShopifyOrderNodes.withLineItems(ShopifyOrderNodes.orderNode(String.valueOf(7_000_000 + i), created, created,
                        "EUR", lines * 10 + ".00", "0.00", "buyer" + i + "@example.com", "tiktok", null, true), lines, "10.00"));
            }
            long expectedLines = java.util.stream.IntStream.range(0, 500).mapToLong(i -> i % 50 == 0 ? 300 : 1 + i % 4).sum();
            Warehouse warehouse = test.migrated();

            SyncReport report = backfill(warehouse, shopify, "0");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.startsWith("7"))).isEqualTo((int) expectedLines);
            assertThat(warehouse.dsl().fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.eq("7000000"))).isEqualTo(300);
            assertThat(shopify.maxRequestedCost()).as("the most any query asked for").isLessThanOrEqualTo(1000);
        }
    }

    @OnEachDatabase
    void an_order_level_discount_reaches_its_lines_so_they_sum_to_the_subtotal_after_discounts(TestDatabase db) {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 20_000); TestWarehouse paged = db.open();
             TestWarehouse bulk = db.open()) {
            Instant created = ShopifyFixture.NOW.minusSeconds(7200);
            shopify.order(ShopifyOrderNodes.withOrderDiscount(ShopifyOrderNodes.withLineItems(ShopifyOrderNodes.orderNode("5588888",
                    created, created, "EUR", "20.00", "0.00", "code@example.com", "tiktok", null, true), 3, "10.00"), "10.00"));

            backfill(paged.migrated(), shopify, "0");
            backfill(bulk.migrated(), shopify, "30");

            for (TestWarehouse test : List.of(paged, bulk)) {
                var lines = test.warehouse().dsl().selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq("5588888")).fetch();
                assertThat(lines).hasSize(3);
                assertThat(lines.stream().map(l -> l.getTotal()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                        .isEqualByComparingTo("20.00");
                assertThat(lines.stream().map(l -> l.getDiscount()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                        .isEqualByComparingTo("10.00");
            }
        }
    }

    @OnEachDatabase
    void an_order_with_more_line_items_than_one_query_brings_keeps_them_all_by_pages_and_in_bulk(TestDatabase db) {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(10_000, 1000); TestWarehouse paged = db.open();
             TestWarehouse bulk = db.open()) {
            Instant created = ShopifyFixture.NOW.minusSeconds(7200);
            shopify.order(ShopifyOrderNodes.withLineItems(ShopifyOrderNodes.orderNode("5599999", created, created, "EUR", "1300.00", "0.00",
                    "big@example.com", "tiktok", null, true), 130, "10.00"));

            backfill(paged.migrated(), shopify, "0");
            backfill(bulk.migrated(), shopify, "30");

            for (TestWarehouse test : List.of(paged, bulk)) {
                assertThat(test.warehouse().dsl().fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.eq("5599999"))).isEqualTo(130);
            }
        }
    }

    @Test
    void a_failed_bulk_read_resumes_in_its_result_and_an_expired_result_is_exported_again() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            // the newest order cannot be stored (no such currency), so the read stops on the last page
            Instant created = ShopifyFixture.NOW.minusSeconds(600);
            ObjectNode broken = ShopifyOrderNodes.orderNode("5588888", created, created, "ZZZ", "10.00", "0.00", "x@example.com",
                    "tiktok", null, true);
            shopify.order(broken);

            long filesBefore = bulkFiles();
            SyncReport first = backfill(warehouse, shopify, "30");
            int stored = warehouse.dsl().fetchCount(SALES_ORDER);
            assertThat(bulkFiles()).as("temporary bulk results left behind").isEqualTo(filesBefore);
            SyncReport second = backfill(warehouse, shopify, "30");

            assertThat(first.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("ZZZ")));
            assertThat(stored).isEqualTo(28);   // four pages of seven before the failing one
            assertThat(second.succeeded()).isFalse();
            assertThat(shopify.bulkOperationCount()).isEqualTo(1);   // the second run read on in the same result
            assertThat(shopify.server().requests()).filteredOn(r -> r.path().startsWith("/bulk-results/")).hasSize(2);

            shopify.expireBulkOperations();
            shopify.order(ShopifyOrderNodes.orderNode("5588888", created, created, "EUR", "10.00", "0.00", "x@example.com", "tiktok",
                    null, true));
            SyncReport third = backfill(warehouse, shopify, "30");

            assertThat(third.succeeded()).as(third.failures().toString()).isTrue();
            assertThat(shopify.bulkOperationCount()).isEqualTo(2);
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(31);
        }
    }
}
