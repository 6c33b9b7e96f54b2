package org.unifiedanalytics.connector.sales.tiktokshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.ORDER_LINE;
import static org.unifiedanalytics.model.schema.Tables.ORDER_REFUND;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.InMemoryCredentialStore;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

class TikTokShopConnectorTest {
    private final SettableClock clock = new SettableClock(TikTokShopFixture.NOW);
    private final FakeTikTokShopApi shop = TikTokShopFixture.seeded(clock);
    private final Map<String, CredentialStore> credentials = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        shop.close();
    }

    private SyncReport sync(Warehouse warehouse, Map<String, String> config) {
        Map<String, String> values = new HashMap<>(config);
        values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000"));
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new TikTokShopProvider()))).clock(clock)
                .credentialStores(i -> credentials.computeIfAbsent(i, k -> new InMemoryCredentialStore())).build()
                .sync("tiktok-shop", ConfigValues.of(values));
    }

    @OnEachDatabase
    void each_unit_is_a_line_item_so_lines_are_grouped_per_sku_and_currencies_kept_per_order(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(23);
            var lines = warehouse.dsl().select(ORDER_LINE.LINE_ID, ORDER_LINE.QUANTITY, ORDER_LINE.TOTAL).from(ORDER_LINE)
                    .where(ORDER_LINE.ORDER_ID.eq("576000000000001000")).orderBy(ORDER_LINE.LINE_ID).fetch();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).value2()).isEqualTo(2);
            assertThat(lines.get(0).value3()).isEqualByComparingTo("50.00");
            assertThat(lines.get(1).value2()).isEqualTo(1);
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.CURRENCY.eq("GBP"))).isEqualTo(8);
            assertThat(warehouse.dsl().select(SALES_ORDER.TOTAL).from(SALES_ORDER).where(SALES_ORDER.ORDER_ID.eq("576000000000001000"))
                    .fetchOne(0, BigDecimal.class)).isEqualByComparingTo("59.99");
        }
    }

    @OnEachDatabase
    void a_cancelled_order_is_a_conversion_worth_nothing_and_a_later_cancellation_updates_the_order(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, TikTokShopFixture.config(shop));
            assertThat(revenue(warehouse, "576000000000001003")).isEqualByComparingTo("0");
            assertThat(revenue(warehouse, "576000000000001000")).isEqualByComparingTo("59.99");

            clock.advance(Duration.ofHours(2));
            shop.order("7001", "576000000000001000", TikTokShopFixture.NOW.minusSeconds(3600L * 15),
                    TikTokShopFixture.NOW.plusSeconds(3600), "CANCELLED", "USD", "u0", "sku-a=25.00", "sku-a=25.00", "sku-b=9.99");
            SyncReport second = sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(second.succeeded()).isTrue();
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(23);
            assertThat(warehouse.dsl().select(SALES_ORDER.FINANCIAL_STATUS).from(SALES_ORDER)
                    .where(SALES_ORDER.ORDER_ID.eq("576000000000001000")).fetchOne(0, String.class)).isEqualTo("CANCELLED");
            assertThat(revenue(warehouse, "576000000000001000")).isEqualByComparingTo("0");
        }
    }

    @Test
    void too_many_requests_backs_off_and_the_sync_succeeds() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            shop.throttleNext(2);

            SyncReport report = sync(test.migrated(), TikTokShopFixture.config(shop));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(report.streams().stream().mapToLong(org.unifiedanalytics.ingest.StreamReport::retries).sum())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void the_envelope_codes_are_told_apart_as_the_common_error_table_says() {
        java.util.function.IntFunction<org.unifiedanalytics.connect.http.ApiException> classify = code -> {
            org.unifiedanalytics.testkit.FakeApiServer server = org.unifiedanalytics.testkit.FakeApiServer.start();
            try {
                server.route("GET", "/x", r -> org.unifiedanalytics.testkit.FakeResponse.ok("{\"code\":" + code
                        + ",\"message\":\"m\",\"request_id\":\"r1\"}"));
                org.unifiedanalytics.connect.http.ApiClient client = org.unifiedanalytics.connect.http.ApiClient.builder()
                        .baseUrl(server.baseUrl()).retries(0, Duration.ofMillis(1), Duration.ofMillis(1))
                        .rule(TikTokShopErrors.ENVELOPE).build();
                return (org.unifiedanalytics.connect.http.ApiException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> client.getJson("/x", Map.of()));
            } finally {
                server.close();
            }
        };

        assertThat(classify.apply(FakeTikTokShopApi.TOO_MANY_REQUESTS))
                .isInstanceOf(org.unifiedanalytics.connect.http.ApiException.RateLimited.class);
        assertThat(classify.apply(FakeTikTokShopApi.INTERNAL_ERROR))
                .isInstanceOf(org.unifiedanalytics.connect.http.ApiException.ServerError.class);
        assertThat(classify.apply(FakeTikTokShopApi.INVALID_PARAM))
                .isInstanceOf(org.unifiedanalytics.connect.http.ApiException.ClientError.class)
                .hasMessageContaining("TikTok Shop code 36009004: m (request_id r1)");
    }

    @Test
    void an_order_updated_exactly_at_a_windows_end_is_neither_lost_nor_doubled() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, TikTokShopFixture.config(shop));
            // updated at the first run's until (excluded there: [since, until)), found by the next run
            shop.order("7001", "576000000000009999", TikTokShopFixture.NOW.minusSeconds(60), TikTokShopFixture.NOW, "COMPLETED",
                    "USD", "u9", "sku-z=5.00");
            clock.advance(Duration.ofMinutes(30));

            sync(warehouse, TikTokShopFixture.config(shop));
            sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.ORDER_ID.eq("576000000000009999"))).isEqualTo(1);
            assertThat(warehouse.dsl().fetchCount(CONVERSION, CONVERSION.EXTERNAL_ID.eq("576000000000009999"))).isEqualTo(1);
        }
    }

    @Test
    void an_access_token_refused_before_its_expiry_is_refreshed_once_and_the_sync_goes_on() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, TikTokShopFixture.config(shop));   // the stored token is valid for days
            shop.revokeAccessTokens();
            shop.server().clearRequests();
            clock.advance(Duration.ofHours(1));

            SyncReport report = sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(shop.server().requests()).filteredOn(r -> r.path().equals("/api/v2/token/refresh")).hasSize(1);
        }
    }

    @Test
    void a_dead_refresh_token_asks_for_reauthorization() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            shop.revokeRefreshTokens();

            SyncReport report = sync(test.migrated(), TikTokShopFixture.config(shop));

            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error())
                    .hasValueSatisfying(e -> assertThat(e).contains("re-authorize the TikTok Shop seller").contains("36004001")));
        }
    }

    @OnEachDatabase
    void a_videos_shop_gmv_and_clicks_sit_beside_its_id_per_day(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            sync(warehouse, TikTokShopFixture.config(shop));

            var cmd = CONTENT_METRIC_DAILY;
            var day = warehouse.dsl().select(cmd.VIEWS, cmd.PRODUCT_CLICKS, cmd.ATTRIBUTED_GMV, cmd.GMV_CURRENCY, cmd.ORDERS,
                            cmd.UNITS_SOLD, cmd.CLICK_THROUGH_RATE).from(cmd)
                    .where(cmd.PLATFORM.eq("tiktok_shop"), cmd.CONTENT_ID.eq("7311000000000000001"),
                            cmd.REPORT_DATE.eq(LocalDate.of(2026, 3, 8))).fetchOne();
            assertThat(day.value1()).isEqualTo(2000L);
            assertThat(day.value2()).isEqualTo(250L);   // "12.5%" of 2,000 views
            assertThat(day.value3()).isEqualByComparingTo("20.50");
            assertThat(day.value4()).isEqualTo("USD");
            assertThat(day.value5()).isEqualTo(2L);     // sku_orders
            assertThat(day.value6()).isEqualTo(3L);     // items_sold
            assertThat(day.value7()).isEqualByComparingTo("0.125");
            assertThat(warehouse.dsl().select(cmd.PRODUCT_CLICKS).from(cmd).where(cmd.CONTENT_ID.eq("7311000000000000002"),
                    cmd.REPORT_DATE.eq(LocalDate.of(2026, 3, 8))).fetchOne(0, Long.class)).isEqualTo(40L);   // "0.05"
        }
    }

    @OnEachDatabase
    void a_products_shop_sales_are_content_of_kind_product_per_day(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            sync(warehouse, TikTokShopFixture.config(shop));

            var cmd = CONTENT_METRIC_DAILY;
            var day = warehouse.dsl().select(cmd.ATTRIBUTED_GMV, cmd.GMV_CURRENCY, cmd.ORDERS, cmd.UNITS_SOLD, cmd.CLICK_THROUGH_RATE,
                            cmd.VIEWS).from(cmd)
                    .where(cmd.PLATFORM.eq("tiktok_shop"), cmd.CONTENT_ID.eq("1729000000000000001"),
                            cmd.REPORT_DATE.eq(LocalDate.of(2026, 3, 8))).fetchOne();
            assertThat(day.value1()).isEqualByComparingTo("50.00");
            assertThat(day.value2()).isEqualTo("USD");
            assertThat(day.value3()).isEqualTo(2L);
            assertThat(day.value4()).isEqualTo(4L);
            assertThat(day.value5()).isEqualByComparingTo("0.035");   // "3.5%"
            assertThat(day.value6()).isNull();                        // the product list reports no views
            assertThat(warehouse.dsl().select(CONTENT.KIND).from(CONTENT).where(CONTENT.PLATFORM.eq("tiktok_shop"),
                    CONTENT.CONTENT_ID.eq("1729000000000000001")).fetchOne(0, String.class)).isEqualTo("product");
        }
    }

    @Test
    void products_paged_after_the_videos_are_all_read_and_a_re_read_window_keeps_both() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            LocalDate day = LocalDate.of(2026, 3, 9);
            for (int i = 3; i <= 9; i++) {
                shop.productDay("7001", day, "172900000000000000" + i, "1.00", "USD", 1, 1, "0.01");
            }
            sync(warehouse, TikTokShopFixture.config(shop));   // page_size 4: nine products of that day on three pages

            clock.advance(Duration.ofHours(6));
            SyncReport again = sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(again.succeeded()).as(again.failures().toString()).isTrue();
            var cmd = CONTENT_METRIC_DAILY;
            assertThat(warehouse.dsl().fetchCount(cmd, cmd.REPORT_DATE.eq(day), cmd.CONTENT_ID.startsWith("1729"))).isEqualTo(9);
            assertThat(warehouse.dsl().fetchCount(cmd, cmd.REPORT_DATE.eq(day), cmd.CONTENT_ID.startsWith("7311"))).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void a_granted_refund_lowers_its_orders_net_revenue_and_a_pending_return_does_not(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(refunded(warehouse, "576000000000001001")).isEqualByComparingTo("9.99");
            assertThat(revenue(warehouse, "576000000000001001")).isEqualByComparingTo("50.00");
            var refund = warehouse.dsl().selectFrom(ORDER_REFUND).where(ORDER_REFUND.ORDER_ID.eq("576000000000001001")).fetchOne();
            assertThat(refund.getRefundId()).isEqualTo("4035000000000000001");
            assertThat(refund.getAmount()).isEqualByComparingTo("9.99");
            assertThat(refund.getCurrency()).isEqualTo("USD");
            assertThat(refund.getReason()).isEqualTo("Arrived damaged");
            assertThat(refunded(warehouse, "576000000000001002")).isEqualByComparingTo("0");
            assertThat(revenue(warehouse, "576000000000001002")).isEqualByComparingTo("59.99");
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND)).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_refund_granted_after_the_last_sync_updates_its_untouched_order_once(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, TikTokShopFixture.config(shop));
            // the order itself does not change: only the returns stream can see this
            shop.returnOrder("576000000000001000", "4035000000000000003", "REFUND", "RETURN_OR_REFUND_REQUEST_SUCCESS", "25.00",
                    "USD", TikTokShopFixture.NOW.plusSeconds(3600));
            shop.returnOrder("576000000000001002", "4035000000000000002", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE",
                    "59.99", "USD", TikTokShopFixture.NOW.plusSeconds(3700));
            clock.advance(Duration.ofHours(2));

            SyncReport second = sync(warehouse, TikTokShopFixture.config(shop));
            clock.advance(Duration.ofMinutes(10));
            sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(second.succeeded()).as(second.failures().toString()).isTrue();
            assertThat(refunded(warehouse, "576000000000001000")).isEqualByComparingTo("25.00");
            assertThat(revenue(warehouse, "576000000000001000")).isEqualByComparingTo("34.99");
            assertThat(revenue(warehouse, "576000000000001002")).isEqualByComparingTo("0");
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND)).isEqualTo(3);
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(23);
            assertThat(warehouse.dsl().fetchCount(CONVERSION)).isEqualTo(23);
        }
    }

    @Test
    void an_order_read_again_keeps_the_refunds_it_already_had() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, TikTokShopFixture.config(shop));
            shop.order("7001", "576000000000001001", TikTokShopFixture.NOW.minusSeconds(3600L * 30),
                    TikTokShopFixture.NOW.plusSeconds(3600), "COMPLETED", "USD", "u1", "sku-a=25.00", "sku-a=25.00", "sku-b=9.99");
            clock.advance(Duration.ofHours(2));

            sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(refunded(warehouse, "576000000000001001")).isEqualByComparingTo("9.99");
            assertThat(revenue(warehouse, "576000000000001001")).isEqualByComparingTo("50.00");
        }
    }

    @Test
    void a_refund_in_another_currency_than_its_order_is_refused_by_name() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            shop.returnOrder("576000000000001000", "4035000000000000009", "REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE", "5.00",
                    "EUR", TikTokShopFixture.NOW.minusSeconds(600));

            SyncReport report = sync(warehouse, TikTokShopFixture.config(shop));

            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("4035000000000000009").contains("576000000000001000").contains("EUR").contains("USD")));
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND, ORDER_REFUND.CURRENCY.eq("EUR"))).isZero();
        }
    }

    @Test
    void click_through_rates_are_read_as_percentages_or_fractions() {
        assertThat(TikTokShopPerformanceStream.clickThroughRate("12.5%")).isEqualByComparingTo("0.125");
        assertThat(TikTokShopPerformanceStream.clickThroughRate("0.0528")).isEqualByComparingTo("0.0528");
        assertThat(TikTokShopPerformanceStream.clickThroughRate("5.28")).isEqualByComparingTo("0.0528");
        assertThat(TikTokShopPerformanceStream.clickThroughRate("n/a")).isNull();
        assertThat(TikTokShopPerformanceStream.clickThroughRate("250%")).isNull();
        assertThat(TikTokShopPerformanceStream.clickThroughRate("12.3456789%")).isEqualByComparingTo("0.123457");
    }

    private static BigDecimal refunded(Warehouse warehouse, String order) {
        return warehouse.dsl().select(SALES_ORDER.REFUNDED).from(SALES_ORDER).where(SALES_ORDER.ORDER_ID.eq(order))
                .fetchOne(0, BigDecimal.class);
    }

    private static BigDecimal revenue(Warehouse warehouse, String order) {
        return warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).where(CONVERSION.EXTERNAL_ID.eq(order))
                .fetchOne(0, BigDecimal.class);
    }
}
