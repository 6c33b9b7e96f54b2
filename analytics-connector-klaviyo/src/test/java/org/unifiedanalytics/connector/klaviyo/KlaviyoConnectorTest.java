package org.unifiedanalytics.connector.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.testkit.Fault;
import org.unifiedanalytics.testkit.RecordedRequest;
import org.unifiedanalytics.testkit.WarehouseSnapshot;
import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;

class KlaviyoConnectorTest {
    private final SettableClock clock = new SettableClock(KlaviyoFixture.NOW);
    private final KlaviyoFixture fixture = new KlaviyoFixture(clock);
    private final FakeKlaviyoApi klaviyo = fixture.klaviyo;

    @AfterEach
    void stop() {
        klaviyo.close();
    }

    private Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new KlaviyoProvider()))).clock(clock).build();
    }

    private ConfigValues values(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(fixture.config());
        values.putAll(Map.of("retry_initial_delay", "10ms", "retry_max_delay", "200ms", "requests_per_second", "1000",
                "requests_per_minute", "100000", "initial_days", "10"));
        values.putAll(extra);
        return ConfigValues.of(values);
    }

    private SyncReport sync(Warehouse warehouse, String... streams) {
        return ingestion(warehouse).sync(SyncRequest.incremental("klaviyo", values(Map.of())).withStreams(Set.of(streams)));
    }

    @OnEachDatabase
    void campaigns_of_both_channels_land_with_their_subjects_as_campaigns_and_content(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThat(sync(warehouse, "campaigns").succeeded()).isTrue();

            var spring = warehouse.dsl().selectFrom(EMAIL_CAMPAIGN).where(EMAIL_CAMPAIGN.CAMPAIGN_ID.eq("01JCAMP0")).fetchOne();
            assertThat(spring.getName()).isEqualTo("Campaign 0");
            assertThat(spring.getSubject()).isEqualTo("Subject 0");
            assertThat(spring.getStatus()).isEqualTo("Sent");
            assertThat(warehouse.dsl().fetchCount(EMAIL_CAMPAIGN)).as("campaigns updated in the first 10 days").isEqualTo(4);
            assertThat(warehouse.dsl().select(CONTENT.KIND).from(CONTENT).where(CONTENT.CONTENT_ID.eq("01JSMS1")).fetchOne().value1())
                    .isEqualTo("sms_campaign");
        }
    }

    @OnEachDatabase
    void campaign_results_are_lifetime_totals_in_the_account_currency_from_one_report_per_run(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThat(sync(warehouse, "campaign_values").succeeded()).isTrue();

            var results = warehouse.dsl().selectFrom(EMAIL_CAMPAIGN_METRIC_DAILY)
                    .where(EMAIL_CAMPAIGN_METRIC_DAILY.CAMPAIGN_ID.eq("01JCAMP1")).fetchOne();
            assertThat(results.getReportDate()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(results.getCounting()).isEqualTo("lifetime");
            assertThat(results.getRecipients()).isEqualTo(1001L);
            assertThat(results.getUniqueOpens()).isEqualTo(311L);
            assertThat(results.getConversionValue()).isEqualByComparingTo("450.00");
            assertThat(results.getCurrency()).isEqualTo("EUR");
            assertThat(klaviyo.reportsServed()).isEqualTo(1);
            assertThat(warehouse.dsl().fetchCount(EMAIL_CAMPAIGN_METRIC_DAILY)).as("email campaigns sent in 10 days").isEqualTo(3);
        }
    }

    @OnEachDatabase
    void an_event_in_the_same_second_as_a_window_boundary_is_neither_lost_nor_doubled(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            String atBoundary = klaviyo.event("Clicked Email", "edge@example.com", KlaviyoFixture.NOW, "Campaign 0");
            String justBefore = klaviyo.event("Clicked Email", "edge@example.com", KlaviyoFixture.NOW.minusSeconds(1), "Campaign 0");

            sync(warehouse, "events");
            boolean firstRunSawBoundary = warehouse.dsl().fetchExists(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(atBoundary));
            clock.advance(Duration.ofMinutes(30));
            SyncReport second = sync(warehouse, "events");

            assertThat(second.succeeded()).isTrue();
            assertThat(firstRunSawBoundary).as("the run ends before its own start second").isFalse();
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(atBoundary))).isEqualTo(1);
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(justBefore))).isEqualTo(1);
        }
    }

    @Test
    void an_event_stamped_in_the_future_does_not_freeze_the_cursor() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            String future = klaviyo.event("Opened Email", "late@example.com", KlaviyoFixture.NOW.plus(Duration.ofHours(18)), "Campaign 0");
            sync(warehouse, "events");
            String soon = klaviyo.event("Opened Email", "late@example.com", KlaviyoFixture.NOW.plus(Duration.ofHours(1)), "Campaign 0");
            clock.advance(Duration.ofHours(2));

            sync(warehouse, "events");
            boolean futureReadEarly = warehouse.dsl().fetchExists(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(future));
            clock.advance(Duration.ofHours(17));
            sync(warehouse, "events");

            assertThat(warehouse.dsl().fetchExists(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(soon))).isTrue();
            assertThat(futureReadEarly).isFalse();
            assertThat(warehouse.dsl().fetchExists(TOUCHPOINT, TOUCHPOINT.EXTERNAL_ID.eq(future))).isTrue();
        }
    }

    @OnEachDatabase
    void a_long_backfill_keeps_to_the_daily_report_budget_and_finishes_on_the_next_day(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            klaviyo.reportingLimits(50, 100, 3);
            DateRange year = new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 11));   // 7 windows of 30 days

            StreamReport stopped = ingestion(warehouse).sync(SyncRequest.backfill("klaviyo", values(Map.of()), year)
                    .withStreams(Set.of("campaign_values"))).streams().get(0);
            klaviyo.resetReportingDay();
            SyncReport resumed = ingestion(warehouse).sync(SyncRequest.backfill("klaviyo", values(Map.of()), year)
                    .withStreams(Set.of("campaign_values")));
            klaviyo.resetReportingDay();
            SyncReport finished = ingestion(warehouse).sync(SyncRequest.backfill("klaviyo", values(Map.of()), year)
                    .withStreams(Set.of("campaign_values")));

            assertThat(stopped.outcome()).isEqualTo(StreamOutcome.QUOTA_EXHAUSTED);
            assertThat(stopped.error()).hasValueSatisfying(e -> assertThat(e).contains("budget spent", "resumes at"));
            assertThat(stopped.resumesAt()).contains(Instant.parse("2026-03-11T00:00:00Z"));
            assertThat(resumed.succeeded()).isFalse();
            assertThat(finished.succeeded()).as(finished.failures().toString()).isTrue();
            assertThat(klaviyo.reportsServed()).as("each window reported once, none again").isEqualTo(7);
            assertThat(warehouse.dsl().fetchCount(EMAIL_CAMPAIGN_METRIC_DAILY)).isEqualTo(12);
        }
    }

    @OnEachDatabase
    void an_email_click_before_an_order_is_on_the_customers_journey_and_credited_by_attribution(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            Instant click = KlaviyoFixture.NOW.minus(Duration.ofHours(5));
            klaviyo.event("Clicked Email", " Ada.Lovelace@Example.COM", click, "Campaign 0");
            // The store writes its order under the same hashed email, normalised the same way.
            CustomerKey ada = CustomerKey.fromEmail("ada.lovelace@example.com");
            warehouse.write(List.of(new Conversion("shopify", "1001", ada, click.plus(Duration.ofHours(1)),
                    Money.of("80.00", "EUR"), "order")));

            assertThat(sync(warehouse, "events").succeeded()).isTrue();

            assertThat(warehouse.dsl().select(TOUCHPOINT.TOUCH_TYPE, TOUCHPOINT.CHANNEL, TOUCHPOINT.CAMPAIGN).from(TOUCHPOINT)
                    .where(TOUCHPOINT.CUSTOMER_KEY.eq(ada.value())).fetchOne().intoList())
                    .containsExactly("email_click", "email", "Campaign 0");
            List<AttributedRevenue> byChannel = AttributionQueries.on(warehouse).revenue(AttributionModel.LAST_TOUCH,
                    GroupBy.CHANNEL, Period.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11)));
            assertThat(byChannel).filteredOn(r -> r.groupKey().equals("email")).singleElement()
                    .satisfies(r -> assertThat(r.attributedRevenue()).isEqualByComparingTo(new BigDecimal("80.00")));
        }
    }

    @OnEachDatabase
    void a_cursor_klaviyo_no_longer_accepts_restarts_its_window_and_the_result_equals_a_clean_sync(TestDatabase db) {
        try (TestWarehouse test = db.open(); TestWarehouse reference = db.open()) {
            Warehouse clean = reference.migrated();
            sync(clean, "events");
            Warehouse warehouse = test.migrated();
            klaviyo.server().failAfter(3, Fault.status(500));
            SyncReport broken = sync(warehouse, "events");
            klaviyo.server().heal();
            klaviyo.invalidateCursors();

            SyncReport resumed = sync(warehouse, "events");

            assertThat(broken.succeeded()).isFalse();
            assertThat(resumed.succeeded()).as(resumed.failures().toString()).isTrue();
            assertThat(klaviyo.server().requests()).anySatisfy(r -> assertThat(r.query()).containsKey("page[cursor]"));
            assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(WarehouseSnapshot.of(clean));
        }
    }

    @Test
    void every_request_carries_the_key_scheme_and_the_pinned_revision() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            ingestion(test.migrated()).sync(SyncRequest.incremental("klaviyo", values(Map.of("revision", "2025-07-15"))));

            assertThat(klaviyo.server().requests()).isNotEmpty().allSatisfy((RecordedRequest r) -> {
                assertThat(r.header("revision")).contains("2025-07-15");
                assertThat(r.header("Authorization")).contains("Klaviyo-API-Key " + KlaviyoFixture.KEY);
            });
        }
    }

    @Test
    void a_revoked_key_ends_every_stream_saying_what_to_do_without_the_key() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            klaviyo.revokeKey();

            SyncReport report = ingestion(test.migrated()).sync(SyncRequest.incremental("klaviyo", values(Map.of())));

            assertThat(report.streams()).hasSize(3).allSatisfy(s -> {
                assertThat(s.outcome()).isEqualTo(StreamOutcome.FAILED);
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("create a private API key")
                        .doesNotContain(KlaviyoFixture.KEY));
            });
        }
    }

    @Test
    void check_names_the_account_its_currency_the_revision_and_the_conversion_metric() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            CheckResult result = ingestion(test.migrated()).check("klaviyo", values(Map.of()));

            assertThat(result.isOk()).as(result.message()).isTrue();
            assertThat(result.message()).contains("Clay & Co", "EUR", "2025-10-15", "Placed Order");
        }
    }

    @Test
    void a_conversion_metric_name_shared_by_two_integrations_asks_for_its_id() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            klaviyo.metric("Placed Order", "API");

            CheckResult result = ingestion(test.migrated()).check("klaviyo", values(Map.of()));

            assertThat(result.status()).isEqualTo(CheckResult.Status.CONFIGURATION);
            assertThat(result.message()).contains("several metrics are named 'Placed Order'", "Shopify", "API",
                    "conversion_metric_id");
        }
    }

    @Test
    void a_revision_older_than_eighteen_months_is_warned_of_and_a_recent_one_is_not() {
        assertThat(KlaviyoConnector.revisionWarning("2024-10-15", LocalDate.of(2026, 12, 4)))
                .hasValueSatisfying(w -> assertThat(w).contains("2024-10-15", "18 months", "'revision'"));
        assertThat(KlaviyoConnector.revisionWarning(KlaviyoProvider.DEFAULT_REVISION, LocalDate.of(2026, 12, 4))).isEmpty();
    }

    @Test
    void bad_settings_are_refused_together_by_name() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> ingestion(warehouse).sync(SyncRequest.incremental("klaviyo", values(Map.of(
                    "revision", "latest", "page_size", "500", "events", "Opened Email,Bounced Email")))))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.problems()).hasSize(3);
                        assertThat(e.getMessage()).contains("'revision'", "'page_size'", "Bounced Email");
                    });
        }
    }
}
