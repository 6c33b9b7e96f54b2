package org.unifiedanalytics.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;
import static org.unifiedanalytics.model.schema.Tables.CREDENTIAL;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

class TikTokConnectorTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final FakeTikTokApi tiktok = TikTokFixture.seeded();
    private final SettableClock clock = new SettableClock(TikTokFixture.NOW);
    private final Map<String, String> config = TikTokFixture.config(tiktok);

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new TikTokProvider()))).clock(clock)
                .credentialKey(KEY).build();
    }

    private SyncReport sync(Warehouse warehouse, String... streams) {
        Map<String, String> values = new java.util.HashMap<>(config);
        values.putAll(Map.of("retry_initial_delay", "10ms", "retry_max_delay", "200ms", "requests_per_second", "1000",
                "initial_days", "10"));
        return ingestion(warehouse).sync(SyncRequest.incremental("tiktok", ConfigValues.of(values)).withStreams(Set.of(streams)));
    }

    @OnEachDatabase
    void daily_snapshots_of_lifetime_counters_give_each_days_increase(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            String post = "biz-1-731000";
            assertThat(sync(warehouse, "video_snapshots").succeeded()).isTrue();
            clock.advance(Duration.ofDays(1));
            tiktok.account("biz-1").video(post, null, null).views(1500);
            sync(warehouse, "video_snapshots");
            clock.advance(Duration.ofDays(1));
            tiktok.account("biz-1").video(post, null, null).views(1800);
            sync(warehouse, "video_snapshots");

            var increases = warehouse.dsl().select(CONTENT_METRIC_INCREASE.VIEWS).from(CONTENT_METRIC_INCREASE)
                    .where(CONTENT_METRIC_INCREASE.CONTENT_ID.eq(post)).orderBy(CONTENT_METRIC_INCREASE.REPORT_DATE)
                    .fetch(CONTENT_METRIC_INCREASE.VIEWS);
            assertThat(increases).containsExactly(1000L, 500L, 300L);
        }
    }

    @OnEachDatabase
    void captions_that_look_like_sql_or_carry_emoji_quotes_and_control_characters_are_stored_verbatim(TestDatabase db) {
        List<String> captions = List.of("'); DROP TABLE content; -- #fyp", "\"quoted\" and 'single' and `back`",
                "🎉 drop 👩‍👩‍👧 día 中文 עברית", "<script>alert(1)</script>\"><img src=x onerror=alert(1)>",
                "line one\nline two\ttab \u0007bell \u001b[31mred");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            for (int i = 0; i < captions.size(); i++) {
                tiktok.account("biz-1").video("biz-1-90000" + i, TikTokFixture.NOW.minus(Duration.ofDays(1)), captions.get(i)).views(10);
            }

            assertThat(sync(warehouse, "video_snapshots").succeeded()).isTrue();

            for (int i = 0; i < captions.size(); i++) {
                assertThat(warehouse.dsl().select(CONTENT.TITLE).from(CONTENT).where(CONTENT.CONTENT_ID.eq("biz-1-90000" + i))
                        .fetchOne().value1()).isEqualTo(captions.get(i));
            }
        }
    }

    @OnEachDatabase
    void an_id_and_a_caption_sent_as_json_numbers_are_stored_as_their_digits(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            tiktok.account("biz-1").video("7312345678901234567", TikTokFixture.NOW.minus(Duration.ofDays(1)), "2024")
                    .views(10).asJsonNumbers();

            assertThat(sync(warehouse, "video_snapshots").succeeded()).isTrue();

            assertThat(warehouse.dsl().select(CONTENT.TITLE).from(CONTENT).where(CONTENT.CONTENT_ID.eq("7312345678901234567"))
                    .fetchOne().value1()).isEqualTo("2024");
        }
    }

    private SyncReport backfill(Warehouse warehouse, java.time.LocalDate from, java.time.LocalDate to, String stream) {
        Map<String, String> values = new java.util.HashMap<>(config);
        values.putAll(Map.of("retry_initial_delay", "10ms", "retry_max_delay", "200ms", "requests_per_second", "1000"));
        return ingestion(warehouse).sync(SyncRequest.backfill("tiktok", ConfigValues.of(values),
                new org.unifiedanalytics.connect.stream.DateRange(from, to)).withStreams(Set.of(stream)));
    }

    @OnEachDatabase
    void a_backfill_past_tiktoks_60_days_loads_what_it_serves_keeps_older_stored_days_and_says_so(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            java.time.LocalDate stored = TikTokFixture.TODAY.minusDays(80);
            warehouse.write(List.of(new org.unifiedanalytics.model.records.AccountMetrics("tiktok", "biz-1", stored, 40_000L,
                    5L, 1L, 20L, 900L, 90L, 4L, 2L, TikTokFixture.NOW)));

            SyncReport report = backfill(warehouse, TikTokFixture.TODAY.minusDays(90), TikTokFixture.TODAY.minusDays(30),
                    "account_metrics");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(report.streams()).allSatisfy(s -> assertThat(s.notes()).singleElement().asString()
                    .contains("no longer serves days before " + TikTokFixture.TODAY.minusDays(59)));
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY, ACCOUNT_METRIC_DAILY.REPORT_DATE.eq(stored))).isEqualTo(1);
            // The fixture has 40 days of metrics: of them, those from 39 to 31 days back lie in the range.
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY, ACCOUNT_METRIC_DAILY.ACCOUNT_ID.eq("biz-1"),
                    ACCOUNT_METRIC_DAILY.REPORT_DATE.ge(TikTokFixture.TODAY.minusDays(59)))).isEqualTo(9);
        }
    }

    @OnEachDatabase
    void a_backfill_of_past_days_loads_the_posts_published_in_them_with_todays_counters(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = backfill(warehouse, TikTokFixture.TODAY.minusDays(20), TikTokFixture.TODAY.minusDays(5),
                    "video_snapshots");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            // Posts 3v+1 days old: v = 2..6 were published 7 to 19 days back, five an account.
            assertThat(warehouse.dsl().fetchCount(CONTENT)).isEqualTo(10);
            assertThat(warehouse.dsl().selectDistinct(CONTENT_METRIC_DAILY.REPORT_DATE).from(CONTENT_METRIC_DAILY)
                    .fetch(CONTENT_METRIC_DAILY.REPORT_DATE)).containsExactly(TikTokFixture.TODAY);
        }
    }

    @Test
    void posts_older_than_the_maximum_age_are_not_read_and_every_page_is() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = sync(warehouse, "video_snapshots");

            assertThat(warehouse.dsl().fetchCount(CONTENT)).isEqualTo(50);
            assertThat(warehouse.dsl().fetchCount(CONTENT, CONTENT.CONTENT_ID.like("%-old%"))).isZero();
            assertThat(warehouse.dsl().select(CONTENT_METRIC_DAILY.SAVES, CONTENT_METRIC_DAILY.COMPLETION_RATE)
                    .from(CONTENT_METRIC_DAILY).where(CONTENT_METRIC_DAILY.CONTENT_ID.eq("biz-1-731000")).fetchOne())
                    .satisfies(r -> {
                        assertThat(r.value1()).isEqualTo(7L);
                        assertThat(r.value2()).isEqualByComparingTo("0.183");
                    });
            assertThat(report.streams()).allSatisfy(s -> assertThat(s.apiCalls()).isGreaterThanOrEqualTo(3));
        }
    }

    @OnEachDatabase
    void recent_days_are_read_again_and_updated_not_duplicated(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, "account_metrics");
            int rows = warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY);
            tiktok.account("biz-1").day(TikTokFixture.TODAY.minusDays(1), TikTokFixture.metrics(7777, 40_000));

            sync(warehouse, "account_metrics");

            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY)).isEqualTo(rows);
            assertThat(warehouse.dsl().select(ACCOUNT_METRIC_DAILY.VIDEO_VIEWS).from(ACCOUNT_METRIC_DAILY)
                    .where(ACCOUNT_METRIC_DAILY.ACCOUNT_ID.eq("biz-1"), ACCOUNT_METRIC_DAILY.REPORT_DATE.eq(TikTokFixture.TODAY.minusDays(1)))
                    .fetchOne(0, Long.class)).isEqualTo(7777L);
        }
    }

    @Test
    void a_post_deleted_on_tiktok_stays_in_history() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, "video_snapshots");
            tiktok.account("biz-1").deleteVideo("biz-1-731000");
            clock.advance(Duration.ofDays(1));

            sync(warehouse, "video_snapshots");

            assertThat(warehouse.dsl().fetchCount(CONTENT, CONTENT.CONTENT_ID.eq("biz-1-731000"))).isEqualTo(1);
            assertThat(warehouse.dsl().fetchCount(CONTENT_METRIC_DAILY, CONTENT_METRIC_DAILY.CONTENT_ID.eq("biz-1-731000")))
                    .isEqualTo(1);
        }
    }

    @Test
    void an_access_token_expiring_mid_sync_is_refreshed_and_no_page_is_lost() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            tiktok.expireAccessTokensAfter(2);

            SyncReport report = sync(warehouse, "video_snapshots");

            assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(CONTENT)).isEqualTo(50);
            assertThat(tiktok.refreshCount()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_dead_refresh_token_ends_with_a_reauthorization_outcome() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            tiktok.revokeRefreshTokens();

            SyncReport report = sync(warehouse, "account_metrics");

            assertThat(report.streams()).allSatisfy(s -> {
                assertThat(s.outcome()).isEqualTo(StreamOutcome.REAUTHORIZATION_REQUIRED);
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("re-authorize TikTok account"));
            });
        }
    }

    @Test
    void the_rate_limit_code_backs_off_and_the_sync_succeeds() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            tiktok.rateLimitNext(3);

            SyncReport report = sync(warehouse, "account_metrics");

            assertThat(report.succeeded()).isTrue();
            assertThat(report.streams().stream().mapToLong(StreamReport::retries).sum()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void rotated_tokens_are_kept_encrypted_in_the_warehouse_and_used_by_the_next_process() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            sync(warehouse, "account_metrics");
            String current = tiktok.account("biz-1").refreshToken();
            tiktok.expireAccessTokens();

            // A new Ingestion (a restarted host) has only the original, already rotated, tokens in its configuration.
            SyncReport again = sync(warehouse, "account_metrics");

            assertThat(again.succeeded()).as(again.failures().toString()).isTrue();
            assertThat(warehouse.dsl().fetchCount(CREDENTIAL)).isEqualTo(2);
            assertThat(warehouse.dsl().select(CREDENTIAL.CIPHERTEXT).from(CREDENTIAL).fetch(CREDENTIAL.CIPHERTEXT))
                    .allSatisfy(text -> assertThat(text).doesNotContain("rft.").doesNotContain("act.")
                            .doesNotContain(current));
        }
    }

    @Test
    void check_names_the_accounts() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            var result = ingestion(test.migrated()).check("tiktok", ConfigValues.of(config));

            assertThat(result.isOk()).as(result.message()).isTrue();
            assertThat(result.message()).contains("@clayandco").contains("2 TikTok account(s)");
        }
    }
}
