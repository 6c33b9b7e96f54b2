package org.unifiedanalytics.connector.ga4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.SOURCE_ACCOUNT;
import static org.unifiedanalytics.model.schema.Tables.WEB_REPORT_QUALITY;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.WEB_USER_TOTALS;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.RecordedRequest;
import org.unifiedanalytics.testkit.WarehouseSnapshot;
import org.unifiedanalytics.testkit.fakes.FakeGa4Property;

class Ga4ConnectorTest {
    private final SettableClock clock = new SettableClock(Ga4Fixture.NOW);
    private final Ga4Fixture fixture = new Ga4Fixture(clock);
    private final FakeGa4Property shop = fixture.ga4.property(Ga4Fixture.PROPERTY);

    @AfterEach
    void stop() {
        fixture.ga4.close();
    }

    private Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new Ga4Provider()))).clock(clock).build();
    }

    private ConfigValues values(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(fixture.config());
        values.putAll(Map.of("retry_initial_delay", "10ms", "retry_max_delay", "200ms", "requests_per_second", "1000",
                "requests_per_minute", "100000", "initial_days", "10", "max_quota_wait", "0s"));
        values.putAll(extra);
        return ConfigValues.of(values);
    }

    private SyncReport sync(Warehouse warehouse, String... streams) {
        return ingestion(warehouse).sync(SyncRequest.incremental("ga4", values(Map.of())).withStreams(Set.of(streams)));
    }

    private SyncReport backfill(Warehouse warehouse, LocalDate from, LocalDate to) {
        return ingestion(warehouse).sync(SyncRequest.backfill("ga4", values(Map.of()), new DateRange(from, to))
                .withStreams(Set.of("traffic")));
    }

    @OnEachDatabase
    void traffic_lands_typed_with_both_channel_groups_the_property_currency_and_a_quality_row_per_day(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = sync(warehouse, "traffic");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            LocalDate day = Ga4Fixture.TODAY.minusDays(2);
            var google = warehouse.dsl().selectFrom(WEB_TRAFFIC_DAILY).where(WEB_TRAFFIC_DAILY.REPORT_DATE.eq(day),
                    WEB_TRAFFIC_DAILY.SOURCE.eq("google")).fetchOne();
            assertThat(google.getSessions()).isEqualTo(42L);
            assertThat(google.getEngagedSessions()).isEqualTo(30L);
            assertThat(google.getBounceRate()).isEqualByComparingTo("0.285714");
            assertThat(google.getAvgSessionDurationSeconds()).isEqualByComparingTo("61.250");
            assertThat(google.getAddToCarts()).isEqualTo(6L);
            assertThat(google.getPurchases()).isEqualTo(2L);
            assertThat(google.getRevenue()).isEqualByComparingTo("120.50");
            assertThat(google.getCurrency()).isEqualTo("USD");
            assertThat(google.getKeyEvents()).isEqualByComparingTo("3");
            assertThat(google.getChannelGroup()).isEqualTo("Organic Search");
            var tiktok = warehouse.dsl().selectFrom(WEB_TRAFFIC_DAILY).where(WEB_TRAFFIC_DAILY.REPORT_DATE.eq(day),
                    WEB_TRAFFIC_DAILY.SOURCE.eq("tiktok.com")).fetchOne();
            // The SDK's classifier knows tiktok.com as a social site; GA4's own label is kept beside it.
            assertThat(tiktok.getChannelGroup()).isEqualTo("Organic Social");
            assertThat(tiktok.getPlatformChannelGroup()).isEqualTo("Referral");
            assertThat(warehouse.dsl().fetchCount(WEB_TRAFFIC_DAILY, WEB_TRAFFIC_DAILY.REPORT_DATE.eq(day))).isEqualTo(3);
            assertThat(warehouse.dsl().fetchCount(WEB_REPORT_QUALITY)).isEqualTo(10);
            assertThat(warehouse.dsl().select(SOURCE_ACCOUNT.TIME_ZONE).from(SOURCE_ACCOUNT).fetchOne().value1())
                    .isEqualTo("America/Los_Angeles");
        }
    }

    @OnEachDatabase
    void the_lookback_replaces_recent_days_whole_and_leaves_older_days_alone(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, "traffic");
            LocalDate revised = Ga4Fixture.TODAY.minusDays(1);
            LocalDate old = Ga4Fixture.TODAY.minusDays(6);
            // GA4 revises yesterday: the email row is gone and search grew; a week-old day changes too, unseen.
            shop.clearDay(revised).traffic(revised, FakeGa4Property.dims("google", "organic", "(organic)", "/", "Organic Search"),
                    Ga4Fixture.metrics(99, 50, "10.00", 1));
            shop.clearDay(old);
            clock.advance(java.time.Duration.ofHours(1));

            assertThat(sync(warehouse, "traffic").succeeded()).isTrue();

            assertThat(warehouse.dsl().fetchCount(WEB_TRAFFIC_DAILY, WEB_TRAFFIC_DAILY.REPORT_DATE.eq(revised))).isEqualTo(1);
            assertThat(warehouse.dsl().select(WEB_TRAFFIC_DAILY.SESSIONS).from(WEB_TRAFFIC_DAILY)
                    .where(WEB_TRAFFIC_DAILY.REPORT_DATE.eq(revised)).fetchOne().value1()).isEqualTo(99L);
            assertThat(warehouse.dsl().fetchCount(WEB_TRAFFIC_DAILY, WEB_TRAFFIC_DAILY.REPORT_DATE.eq(old))).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void days_are_the_propertys_days_so_a_sync_at_5_utc_reads_up_to_yesterday_in_los_angeles(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            clock.advance(java.time.Duration.ofHours(-7));   // 05:00 UTC: 21:00 on 9 March in Los Angeles

            assertThat(sync(warehouse, "traffic").succeeded()).isTrue();

            List<String> endDates = fixture.ga4.server().requests().stream().filter(r -> r.path().endsWith(":runReport"))
                    .map(RecordedRequest::body).filter(b -> b.contains("\"dimensions\""))
                    .map(b -> b.replaceAll(".*\"endDate\":\"([0-9-]+)\".*", "$1")).distinct().sorted().toList();
            assertThat(endDates).last().isEqualTo("2026-03-09");
            assertThat(warehouse.dsl().select(org.jooq.impl.DSL.max(WEB_TRAFFIC_DAILY.REPORT_DATE)).from(WEB_TRAFFIC_DAILY)
                    .fetchOne().value1()).isEqualTo(LocalDate.of(2026, 3, 9));
        }
    }

    @OnEachDatabase
    void a_backfill_that_spends_the_daily_quota_stops_with_a_resume_time_and_the_next_run_completes_it(TestDatabase db) {
        try (TestWarehouse test = db.open(); TestWarehouse reference = db.open()) {
            LocalDate from = Ga4Fixture.TODAY.minusDays(30);
            LocalDate to = Ga4Fixture.TODAY.minusDays(10);
            Warehouse clean = reference.migrated();
            assertThat(backfill(clean, from, to).succeeded()).isTrue();
            shop.resetDailyQuota();
            Warehouse warehouse = test.migrated();
            shop.quota(2_000 + 60, 40_000);   // the reserve of 2,000 plus about seven days of reports

            StreamReport stopped = backfill(warehouse, from, to).streams().get(0);
            long daysAfterFirstRun = warehouse.dsl().fetchCount(WEB_REPORT_QUALITY);
            shop.quota(200_000, 40_000).resetDailyQuota();   // midnight in Pacific time has come
            SyncReport resumed = backfill(warehouse, from, to);

            assertThat(stopped.outcome()).isEqualTo(StreamOutcome.QUOTA_EXHAUSTED);
            assertThat(stopped.error()).hasValueSatisfying(e -> assertThat(e).contains("quota exhausted, resumes at"));
            assertThat(stopped.resumesAt()).contains(Instant.parse("2026-03-11T07:00:00Z"));   // midnight in Pacific time
            assertThat(daysAfterFirstRun).isBetween(1L, 19L);
            assertThat(resumed.succeeded()).as(resumed.failures().toString()).isTrue();
            assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(WarehouseSnapshot.of(clean));
        }
    }

    @Test
    void below_the_hourly_reserve_a_run_that_may_not_wait_ends_until_the_next_hour() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            shop.quota(200_000, 1_000 + 20);

            StreamReport report = sync(warehouse, "traffic").streams().get(0);

            assertThat(report.outcome()).isEqualTo(StreamOutcome.QUOTA_EXHAUSTED);
            assertThat(report.resumesAt()).contains(Instant.parse("2026-03-10T13:00:00Z"));
            assertThat(report.pages()).isPositive();
        }
    }

    @OnEachDatabase
    void user_totals_are_stored_per_exact_period_never_as_sums_of_days(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            LocalDate sunday = LocalDate.of(2026, 3, 8);

            assertThat(ingestion(warehouse).sync(SyncRequest.backfill("ga4", values(Map.of()),
                    new DateRange(LocalDate.of(2026, 2, 23), Ga4Fixture.TODAY)).withStreams(Set.of("user_totals")))
                    .succeeded()).isTrue();

            var week = warehouse.dsl().selectFrom(WEB_USER_TOTALS).where(WEB_USER_TOTALS.PERIOD_START.eq(sunday.minusDays(6)),
                    WEB_USER_TOTALS.PERIOD_END.eq(sunday)).fetchOne();
            long sumOfDays = warehouse.dsl().select(org.jooq.impl.DSL.sum(WEB_USER_TOTALS.TOTAL_USERS)).from(WEB_USER_TOTALS)
                    .where(WEB_USER_TOTALS.PERIOD_START.eq(WEB_USER_TOTALS.PERIOD_END),
                            WEB_USER_TOTALS.PERIOD_START.between(sunday.minusDays(6), sunday)).fetchOne().value1().longValue();
            assertThat(week.getTotalUsers()).isEqualTo(46L);   // ids 2-47 over the week
            assertThat(sumOfDays).isEqualTo(7 * 40L);
            var february = warehouse.dsl().selectFrom(WEB_USER_TOTALS).where(WEB_USER_TOTALS.PERIOD_START.eq(LocalDate.of(2026, 2, 1)),
                    WEB_USER_TOTALS.PERIOD_END.eq(LocalDate.of(2026, 2, 28))).fetchOne();
            assertThat(february).isNotNull();
            assertThat(february.getTotalUsers()).isEqualTo(49L);
        }
    }

    @OnEachDatabase
    void a_purchase_whose_transaction_id_is_a_store_order_becomes_that_customers_session_touch(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            Instant ordered = Instant.parse("2026-03-08T18:30:20Z");
            org.unifiedanalytics.model.values.CustomerKey ada = org.unifiedanalytics.model.values.CustomerKey.fromEmail("ada@example.com");
            org.unifiedanalytics.model.values.Money total = org.unifiedanalytics.model.values.Money.of("48.00", "USD");
            org.unifiedanalytics.model.values.Money zero = org.unifiedanalytics.model.values.Money.of("0", "USD");
            warehouse.write(List.of(new org.unifiedanalytics.model.records.SalesOrder("shopify", "5501", "clayandco", "#1005",
                    ordered, ordered, null, "paid", null, total, zero, zero, zero, total, zero, ada, null, null, null, null)));
            shop.purchase(ordered.minusSeconds(20), "#1005", FakeGa4Property.dims("klaviyo", "email", "spring_sale", "/sale", "Email"),
                    new BigDecimal("48.00"));
            shop.purchase(ordered.minusSeconds(3600), "#9999", FakeGa4Property.dims("google", "organic", "(organic)", "/", "Organic Search"),
                    new BigDecimal("12.00"));

            SyncReport report = sync(warehouse, "purchase_sessions");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(org.unifiedanalytics.model.schema.Tables.WEB_PURCHASE_SESSION)).isEqualTo(2);
            var touch = warehouse.dsl().selectFrom(org.unifiedanalytics.model.schema.Tables.TOUCHPOINT).fetchOne();
            assertThat(touch.getCustomerKey()).isEqualTo(ada.value());
            assertThat(touch.getChannel()).isEqualTo("email");
            assertThat(touch.getCampaign()).isEqualTo("spring_sale");
            assertThat(touch.getOccurredAt()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 8, 18, 30));   // the purchase's minute
        }
    }

    @Test
    void a_property_that_still_answers_conversions_gets_its_key_events_from_that_name() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            shop.legacyConversions();

            assertThat(sync(warehouse, "traffic").succeeded()).isTrue();

            assertThat(warehouse.dsl().select(org.jooq.impl.DSL.sum(WEB_TRAFFIC_DAILY.KEY_EVENTS)).from(WEB_TRAFFIC_DAILY)
                    .fetchOne().value1()).isEqualByComparingTo(new BigDecimal(10 * (3 + 2 + 1)));
        }
    }

    @Test
    void thresholded_and_sampled_days_are_flagged_beside_their_numbers() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            LocalDate thresholded = Ga4Fixture.TODAY.minusDays(3);
            shop.thresholdedOn(thresholded).sampledOn(thresholded.minusDays(1));
            shop.traffic(thresholded, FakeGa4Property.dims("(other)", "(other)", "(other)", "(other)", "(other)"),
                    Ga4Fixture.metrics(7, 1, "0", 0));

            assertThat(sync(warehouse, "traffic").succeeded()).isTrue();

            var flags = warehouse.dsl().selectFrom(WEB_REPORT_QUALITY).where(WEB_REPORT_QUALITY.REPORT_DATE.eq(thresholded))
                    .fetchOne();
            assertThat(flags.getSubjectToThresholding()).isTrue();
            assertThat(flags.getDataLossFromOtherRow()).isTrue();
            var sampled = warehouse.dsl().selectFrom(WEB_REPORT_QUALITY)
                    .where(WEB_REPORT_QUALITY.REPORT_DATE.eq(thresholded.minusDays(1))).fetchOne();
            assertThat(sampled.getSampled()).isTrue();
            assertThat(sampled.getSamplesReadCount()).isEqualTo(50_000L);
            assertThat(warehouse.dsl().fetchCount(WEB_REPORT_QUALITY, WEB_REPORT_QUALITY.SUBJECT_TO_THRESHOLDING.isTrue()))
                    .isEqualTo(1);
        }
    }

    @Test
    void check_names_the_property_its_zone_and_currency() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            CheckResult result = ingestion(test.migrated()).check("ga4", values(Map.of()));

            assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.OK);
            assertThat(result.message()).contains(Ga4Fixture.PROPERTY, "America/Los_Angeles", "USD", Ga4Fixture.ACCOUNT);
        }
    }

    @Test
    void check_says_which_access_is_missing_when_the_account_may_not_read_the_property() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            shop.readableOnlyBy("someone-else@example.iam.gserviceaccount.com");

            CheckResult result = ingestion(test.migrated()).check("ga4", values(Map.of()));

            assertThat(result.status()).isEqualTo(CheckResult.Status.AUTHENTICATION);
            assertThat(result.message()).contains(Ga4Fixture.ACCOUNT, Ga4Fixture.PROPERTY, "Viewer", "PERMISSION_DENIED");
        }
    }

    @Test
    void an_authorized_user_file_refreshes_through_the_configured_token_uri() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            String user = fixture.ga4.tokens().newAuthorizedUser("client-1.apps.googleusercontent.com", "client-secret-1");

            SyncReport report = ingestion(test.migrated()).sync(SyncRequest.incremental("ga4", values(Map.of(
                    "credentials_json", user, "token_uri", fixture.ga4.server().baseUrl() + "/token")))
                    .withStreams(Set.of("traffic")));

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(fixture.ga4.tokens().grants()).isEqualTo(1);
        }
    }

    @Test
    void a_revoked_refresh_token_ends_the_stream_with_reauthorization_required_and_no_secret() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            String user = fixture.ga4.tokens().newAuthorizedUser("client-1.apps.googleusercontent.com", "client-secret-1");
            fixture.ga4.tokens().revokeRefreshTokens();

            StreamReport report = ingestion(test.migrated()).sync(SyncRequest.incremental("ga4", values(Map.of(
                    "credentials_json", user, "token_uri", fixture.ga4.server().baseUrl() + "/token")))
                    .withStreams(Set.of("traffic"))).streams().get(0);

            assertThat(report.outcome()).isEqualTo(StreamOutcome.REAUTHORIZATION_REQUIRED);
            assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).contains("gcloud auth application-default login")
                    .doesNotContain("client-secret-1").doesNotContain("1//fake-refresh"));
        }
    }

    @Test
    void an_expired_access_token_is_replaced_once_and_the_sync_goes_on() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, "traffic");
            fixture.ga4.tokens().expireAccessTokens();
            clock.advance(java.time.Duration.ofMinutes(10));

            assertThat(sync(warehouse, "traffic").succeeded()).isTrue();
            assertThat(fixture.ga4.tokens().grants()).isEqualTo(2);
        }
    }

    @Test
    void a_key_file_is_read_from_credentials_file(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.json");
        Files.writeString(key, fixture.keyFile);
        try (TestWarehouse test = TestDatabase.H2.open()) {
            ConfigValues values = ConfigValues.of(Map.of("properties", Ga4Fixture.PROPERTY, "credentials_file", key.toString(),
                    "base_url", fixture.ga4.baseUrl()));

            CheckResult result = ingestion(test.migrated()).check("ga4", values);

            assertThat(result.isOk()).as(result.message()).isTrue();
        }
    }

    @Test
    void a_measurement_id_and_a_bad_page_size_are_refused_together_by_name() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> ingestion(warehouse).sync(SyncRequest.incremental("ga4",
                    values(Map.of("properties", "G-ABC123", "page_size", "300000")))))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.problems()).hasSize(2);
                        assertThat(e.getMessage()).contains("'properties'", "G-ABC123", "'page_size'", "250000");
                    });
        }
    }
}
