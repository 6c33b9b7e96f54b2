package org.unifiedanalytics.connector.sales.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.ORDER_REFUND;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.Fault;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;

class ShopifyConnectorTest {
    private final SettableClock clock = new SettableClock(ShopifyFixture.NOW);

    private Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new ShopifyProvider()))).clock(clock).build();
    }

    private SyncReport sync(Warehouse warehouse, FakeShopifyApi shopify) {
        Map<String, String> values = new HashMap<>(ShopifyFixture.config(shopify));
        values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000"));
        return ingestion(warehouse).sync("shopify", ConfigValues.of(values));
    }

    @OnEachDatabase
    void orders_lines_refunds_conversions_and_journey_touchpoints_are_stored(TestDatabase db) {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = sync(warehouse, shopify);

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(30);
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND)).isEqualTo(6);
            assertThat(warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).where(CONVERSION.EXTERNAL_ID.eq("5500000"))
                    .fetchOne(0, BigDecimal.class)).isEqualByComparingTo("15.00");
            // 29 ready journeys with a first and a last visit; the unready one has none yet
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isEqualTo(58);
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.CHANNEL.eq("direct"))).isEqualTo(14);
            assertThat(warehouse.dsl().select(SALES_ORDER.UTM_SOURCE).from(SALES_ORDER).where(SALES_ORDER.ORDER_ID.eq("5500000"))
                    .fetchOne(0, String.class)).isEqualTo("klaviyo");
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.CURRENCY.eq("USD"))).isEqualTo(4);
        }
    }

    @Test
    void a_backfill_of_a_year_reads_journeys_again_only_for_the_last_seven_days() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            Map<String, String> values = new HashMap<>(ShopifyFixture.config(shopify));
            values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000", "bulk_poll_interval", "10ms"));
            java.time.LocalDate today = java.time.LocalDate.ofInstant(ShopifyFixture.NOW, java.time.ZoneOffset.UTC);

            SyncReport report = ingestion(warehouse).sync(org.unifiedanalytics.ingest.SyncRequest.backfill("shopify",
                    ConfigValues.of(values), new org.unifiedanalytics.connect.stream.DateRange(today.minusDays(365), today.plusDays(1))));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            List<String> journeyQueries = shopify.server().requests().stream().map(r -> r.body() == null ? "" : r.body())
                    .filter(body -> body.contains("created_at:>="))
                    .map(body -> body.replaceAll(".*created_at:>=\\\\?'([^']*)'.*", "$1")).toList();
            assertThat(journeyQueries).as("pages of journeys read again").isNotEmpty().hasSizeLessThanOrEqualTo(4)
                    .allSatisfy(from -> assertThat(from).isGreaterThanOrEqualTo(today.minusDays(7).toString()));
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(30);
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).as("journeys of the bulk export's orders").isEqualTo(58);
        }
    }

    @Test
    void a_refund_after_the_last_sync_updates_the_order_and_adds_its_row_without_duplicates() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, shopify);
            Instant created = ShopifyFixture.NOW.minusSeconds(3600L * 12 * 2);
            clock.advance(Duration.ofHours(1));
            shopify.order(ShopifyOrderNodes.orderNode("5500001", created, ShopifyFixture.NOW.plusSeconds(600), "EUR", "21.00", "21.00",
                    "buyer1@example.com", "tiktok", null, true));

            sync(warehouse, shopify);

            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(30);
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND, ORDER_REFUND.ORDER_ID.eq("5500001"))).isEqualTo(1);
            assertThat(warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).where(CONVERSION.EXTERNAL_ID.eq("5500001"))
                    .fetchOne(0, BigDecimal.class)).isEqualByComparingTo("0");
        }
    }

    @Test
    void an_order_whose_journey_was_not_ready_gets_its_touchpoints_on_a_later_run() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, shopify);
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.like("5500003/%"))).isZero();
            // Shopify finishes attributing order 5500003 (two days old) without bumping its updatedAt.
            Instant created = ShopifyFixture.NOW.minusSeconds(3600L * 12 * 4);
            shopify.order(ShopifyOrderNodes.orderNode("5500003", created, created.plusSeconds(300), "EUR", "23.00", "0.00",
                    "buyer3@example.com", "tiktok", null, true));
            clock.advance(Duration.ofHours(1));

            sync(warehouse, shopify);

            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.like("5500003/%"))).isEqualTo(2);
        }
    }

    @org.unifiedanalytics.model.testing.OnEachDatabase
    void without_approval_for_protected_customer_data_orders_load_without_customer_keys_and_check_says_why(TestDatabase db) {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = db.open()) {
            shopify.withholdProtectedCustomerData();
            Warehouse warehouse = test.migrated();

            SyncReport report = sync(warehouse, shopify);
            CheckResult check = ingestion(warehouse).check("shopify", ConfigValues.of(ShopifyFixture.config(shopify)));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isPositive();
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.CUSTOMER_KEY.isNotNull())).isZero();
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isZero();
            assertThat(check.status()).isEqualTo(CheckResult.Status.CONFIGURATION);
            assertThat(check.message()).contains("protected customer data", "email", "landingPage");
            assertThat(report.streams()).filteredOn(s -> s.stream().equals("orders")).isNotEmpty().allSatisfy(s -> assertThat(s.notes())
                    .singleElement().asString().contains("withholds protected customer data", "email", "Level 2"));
        }
    }

    @Test
    void a_small_cost_bucket_paces_the_queries_instead_of_hammering_into_throttling() {
        // A standard bucket of 1,000 points, restored ten times faster than Shopify's 50 a second so the test is quick.
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 500); TestWarehouse test = TestDatabase.H2.open()) {
            SyncReport report = sync(test.migrated(), shopify);

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            // pages of 7 orders, 422 points each: the bucket holds two; the limiter waits, at most the first guess per
            // stream is throttled, and no query asks for more than the single-query maximum
            assertThat(shopify.throttledCount()).isLessThanOrEqualTo(2);
            assertThat(shopify.maxRequestedCost()).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void shopifys_internal_error_answered_with_http_200_is_retried_like_a_500() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            shopify.server().inject(Fault.answer("/admin/api/", FakeResponse.ok("{\"errors\":[{\"message\":\"Internal error. Looks"
                    + " like something went wrong on our end.\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}")));

            SyncReport report = sync(test.migrated(), shopify);

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(shopify.server().faultsInjected()).isEqualTo(1);
        }
    }

    @Test
    void a_token_without_read_all_orders_is_reported_at_check_time() {
        try (FakeShopifyApi shopify = ShopifyFixture.seeded(1000, 5000); TestWarehouse test = TestDatabase.H2.open()) {
            shopify.scopes(Set.of("read_orders"));

            CheckResult result = ingestion(test.migrated()).check("shopify", ConfigValues.of(ShopifyFixture.config(shopify)));

            assertThat(result.status()).isEqualTo(CheckResult.Status.CONFIGURATION);
            assertThat(result.message()).contains("read_all_orders").contains("60 days");
        }
    }

    @Test
    void without_utm_parameters_the_landing_pages_query_string_is_parsed() {
        var visit = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("landingPage", "https://shop.example/p?utm_source=tiktok&utm_medium=social&utm_campaign=spring%20drop&utm_content=7311");

        var utm = ShopifyOrderRecords.utm(visit);

        assertThat(utm.source()).isEqualTo("tiktok");
        assertThat(utm.campaign()).isEqualTo("spring drop");
        assertThat(utm.content()).isEqualTo("7311");
    }
}
