package org.unifiedanalytics.connector.sales.tiktokshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.ORDER_REFUND;
import static org.unifiedanalytics.model.schema.Tables.SOURCE_ACCOUNT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.InMemoryCredentialStore;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * What the real TikTok Shop does and a kinder fake would hide: its clock check, seller analytics a shop may
 * not read, post times in the shop's local time, and cancellations that give money back.
 */
class TikTokShopFidelityTest {
    private static final String ORDER = "576000000000001005";   // 59.99 USD, completed

    private final SettableClock clock = new SettableClock(TikTokShopFixture.NOW);
    private final Map<String, CredentialStore> credentials = new ConcurrentHashMap<>();
    private FakeTikTokShopApi shop = TikTokShopFixture.seeded(clock);

    @AfterEach
    void stop() {
        shop.close();
    }

    private Ingestion ingestion(Warehouse warehouse, Clock runOn) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new TikTokShopProvider()))).clock(runOn)
                .credentialStores(i -> credentials.computeIfAbsent(i, k -> new InMemoryCredentialStore())).build();
    }

    private static ConfigValues config(FakeTikTokShopApi shop, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(TikTokShopFixture.config(shop));
        values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000"));
        values.putAll(more);
        return ConfigValues.of(values);
    }

    private SyncReport sync(Warehouse warehouse) {
        return ingestion(warehouse, clock).sync("tiktok-shop", config(shop, Map.of()));
    }

    @Test
    void a_clock_ten_minutes_fast_is_named_as_the_reason_tiktok_shop_refuses_the_requests() {
        shop.close();
        shop = TikTokShopFixture.seeded(Clock.systemUTC());
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated(), fast);

            SyncReport report = ingestion.sync("tiktok-shop", config(shop, Map.of()));
            CheckResult check = ingestion.check("tiktok-shop", config(shop, Map.of()));

            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("this machine's clock is about 10 minutes ahead of TikTok Shop's")
                    .contains("synchronize this machine's clock")));
            assertThat(check.isOk()).isFalse();
            assertThat(check.message()).contains("this machine's clock is about 10 minutes").doesNotContain("check app_secret");
        }
    }

    @Test
    void a_wrong_signature_is_reported_with_the_signing_inputs_and_never_the_secret() {
        shop.close();
        shop = TikTokShopFixture.seeded(Clock.systemUTC());
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated(), Clock.systemUTC());
            ingestion.sync("tiktok-shop", config(shop, Map.of()));   // tokens obtained with the right secret are stored

            SyncReport report = ingestion.sync("tiktok-shop", config(shop, Map.of("app_secret", "a-wrong-secret-4711")));

            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("signature was refused").contains("/authorization/202309/shops")
                    .contains("[app_key, timestamp]").contains("check app_secret").doesNotContain("a-wrong-secret-4711")
                    .doesNotContain(TikTokShopFixture.APP_SECRET).doesNotContain("clock")));
        }
    }

    @Test
    void a_clock_within_the_tolerance_is_not_blamed_for_a_wrong_secret() {
        shop.close();
        shop = TikTokShopFixture.seeded(Clock.systemUTC());
        try (TestWarehouse test = TestDatabase.H2.open()) {
            CheckResult check = ingestion(test.migrated(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)))
                    .check("tiktok-shop", config(shop, Map.of("app_secret", "not-the-secret")));

            assertThat(check.status()).isEqualTo(CheckResult.Status.AUTHENTICATION);
            assertThat(check.message()).contains("check app_secret").doesNotContain("clock");
        }
    }

    @Test
    void seller_analytics_a_shop_may_not_read_end_only_the_performance_stream_with_what_to_enable() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            shop.refuseSellerAnalytics();

            SyncReport report = sync(test.migrated());

            assertThat(report.streams()).filteredOn(s -> !s.stream().equals("performance"))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.succeeded()).as(s.toString()).isTrue());
            assertThat(report.streams()).filteredOn(s -> s.stream().equals("performance")).hasSize(2)
                    .allSatisfy(s -> {
                        assertThat(s.outcome()).isEqualTo(StreamOutcome.FAILED);
                        assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("refused seller analytics for shop")
                                .contains("data.shop_analytics.public.read").contains("Orders and returns are read without it"));
                    });
        }
    }

    @Test
    void check_says_which_scope_seller_analytics_needs() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            shop.refuseSellerAnalytics();

            CheckResult check = ingestion(test.migrated(), clock).check("tiktok-shop", config(shop, Map.of()));

            assertThat(check.status()).isEqualTo(CheckResult.Status.CONFIGURATION);
            assertThat(check.message()).contains("shop 7001").contains("data.shop_analytics.public.read");
        }
    }

    @OnEachDatabase
    void a_post_time_in_the_shops_local_form_is_read_in_its_markets_zone_and_the_zone_is_stored(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            // 18:30 on 1 March in Los Angeles (PST, UTC-8) is 02:30 UTC on 2 March
            shop.videoPostTime("7311000000000000001", "2026-03-01 18:30:00");

            SyncReport report = sync(warehouse);

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().select(CONTENT.PUBLISHED_AT).from(CONTENT)
                    .where(CONTENT.PLATFORM.eq("tiktok_shop"), CONTENT.CONTENT_ID.eq("7311000000000000001"))
                    .fetchOne(0, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 3, 2, 2, 30));
            assertThat(warehouse.dsl().select(SOURCE_ACCOUNT.ACCOUNT_ID, SOURCE_ACCOUNT.TIME_ZONE).from(SOURCE_ACCOUNT)
                    .where(SOURCE_ACCOUNT.PLATFORM.eq("tiktok_shop")).orderBy(SOURCE_ACCOUNT.ACCOUNT_ID).fetch()
                    .map(r -> r.value1() + " " + r.value2()))
                    .containsExactly("7001 America/Los_Angeles", "7002 Europe/London");
        }
    }

    @Test
    void the_time_zone_setting_wins_over_the_market() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            shop.videoPostTime("7311000000000000001", "2026-03-01 18:30:00");

            SyncReport report = ingestion(warehouse, clock).sync("tiktok-shop", config(shop, Map.of("time_zone", "America/New_York")));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().select(CONTENT.PUBLISHED_AT).from(CONTENT)
                    .where(CONTENT.PLATFORM.eq("tiktok_shop"), CONTENT.CONTENT_ID.eq("7311000000000000001"))
                    .fetchOne(0, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 3, 1, 23, 30));
            assertThat(warehouse.dsl().fetchCount(SOURCE_ACCOUNT, SOURCE_ACCOUNT.TIME_ZONE.eq("America/New_York"))).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void a_granted_cancellation_refund_lowers_its_orders_net_revenue_and_a_pending_one_does_not(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            shop.cancellation(ORDER, "4100000000000000001", "CANCELLATION_REQUEST_COMPLETE", "9.99", "USD",
                    TikTokShopFixture.NOW.minusSeconds(3600));
            shop.cancellation("576000000000001006", "4100000000000000002", "CANCELLATION_REQUEST_PENDING", "25.00", "USD",
                    TikTokShopFixture.NOW.minusSeconds(3600));

            SyncReport report = sync(warehouse);

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(revenue(warehouse, ORDER)).isEqualByComparingTo("50.00");
            assertThat(revenue(warehouse, "576000000000001006")).isEqualByComparingTo("59.99");
            assertThat(warehouse.dsl().select(ORDER_REFUND.REFUND_ID).from(ORDER_REFUND).where(ORDER_REFUND.ORDER_ID.eq(ORDER))
                    .fetch(0, String.class)).containsExactly("4100000000000000001");
        }
    }

    @Test
    void a_cancellation_granted_after_the_last_sync_updates_its_untouched_order_once() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse);
            assertThat(revenue(warehouse, ORDER)).isEqualByComparingTo("59.99");

            clock.advance(Duration.ofHours(2));
            shop.cancellation(ORDER, "4100000000000000003", "CANCELLATION_REQUEST_SUCCESS", "25.00", "USD",
                    TikTokShopFixture.NOW.plusSeconds(3600));
            SyncReport second = sync(warehouse);
            sync(warehouse);

            assertThat(second.succeeded()).as(second.failures().toString()).isTrue();
            assertThat(second.streams()).filteredOn(s -> s.stream().equals("returns")).extracting(StreamReport::recordsWritten)
                    .anySatisfy(written -> assertThat(written).isPositive());
            assertThat(revenue(warehouse, ORDER)).isEqualByComparingTo("34.99");
            assertThat(warehouse.dsl().fetchCount(ORDER_REFUND, ORDER_REFUND.ORDER_ID.eq(ORDER))).isEqualTo(1);
        }
    }

    private static BigDecimal revenue(Warehouse warehouse, String orderId) {
        return warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION)
                .where(CONVERSION.SOURCE_PLATFORM.eq("tiktok_shop"), CONVERSION.EXTERNAL_ID.eq(orderId)).fetchOne(0, BigDecimal.class);
    }
}
