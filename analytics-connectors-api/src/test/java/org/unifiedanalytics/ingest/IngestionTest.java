package org.unifiedanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.SYNC_RUN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IngestionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final ConfigValues GOOD = ConfigValues.of(Map.of("api_key", "good", "initial_days", "10"));

    private final InMemorySource source = new InMemorySource();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(source))).clock(clock)
                .meterRegistry(meters).build();
    }

    private void someFollowersAndOrders() {
        for (int d = 0; d < 10; d++) {
            source.followers.put(TODAY.minusDays(d), 1000L - d);
        }
        for (int i = 0; i < 7; i++) {
            source.orders.put("o" + i, InMemorySource.order("o" + i, clock.instant().minus(Duration.ofHours(i + 1)), "1" + i + ".00"));
        }
    }

    @OnEachDatabase
    void a_sync_writes_every_stream_and_reports_it(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport report = ingestion(warehouse).sync("memory", GOOD);

            assertThat(report.succeeded()).isTrue();
            assertThat(report.streams()).extracting(StreamReport::stream).containsExactly("followers", "orders");
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY)).isEqualTo(10);
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(7);
            assertThat(report.streams().get(1).pages()).isEqualTo(4);
            assertThat(warehouse.dsl().fetchCount(SYNC_RUN, SYNC_RUN.STATUS.eq("SUCCEEDED"))).isEqualTo(2);
            assertThat(meters.get("analytics.sync.records.written").tag("stream", "orders").counter().count()).isEqualTo(7.0);
        }
    }

    @OnEachDatabase
    void records_the_warehouse_refuses_are_counted_as_read_and_rejected_not_as_unread(TestDatabase database) {
        Instant at = clock.instant().minus(Duration.ofHours(2));
        SalesOrder valid = InMemorySource.order("o1", at, "10.00");
        // One page of two: the first order is fine, the second has a negative total.
        source.orders.put("o1", valid);
        source.orders.put("o2", InMemorySource.order("o2", at.plusSeconds(1), "-5.00"));
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();

            StreamReport orders = ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD).withStreams(Set.of("orders")))
                    .streams().get(0);

            assertThat(orders.outcome()).isEqualTo(StreamOutcome.FAILED);
            assertThat(orders).extracting(StreamReport::recordsRead, StreamReport::recordsWritten, StreamReport::recordsRejected)
                    .containsExactly(2L, 0L, 1L);
            assertThat(orders.toString()).contains("2 read, 0 written, 1 rejected");
            assertThat(orders.error()).hasValueSatisfying(e -> assertThat(e).contains("SalesOrder[memory/o2], field 'total'"));
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).as("the page is refused whole").isZero();
        }
    }

    @Test
    void check_and_sync_refuse_an_unknown_connector_alike() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated());

            var fromCheck = org.assertj.core.api.Assertions.catchThrowableOfType(() -> ingestion.check("memroy", GOOD),
                    UnknownConnectorException.class);
            var fromSync = org.assertj.core.api.Assertions.catchThrowableOfType(() -> ingestion.sync("memroy", GOOD),
                    UnknownConnectorException.class);

            assertThat(fromCheck).hasMessage(fromSync.getMessage())
                    .hasMessageContaining("no connector 'memroy' on the class path; found: memory");
            assertThat(fromCheck.available()).containsExactly("memory");
        }
    }

    @OnEachDatabase
    void a_second_sync_with_nothing_new_changes_nothing(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            ingestion(warehouse).sync("memory", GOOD);
            var before = warehouse.dsl().selectFrom(SALES_ORDER).fetch().intoMaps();
            var followersBefore = warehouse.dsl().selectFrom(ACCOUNT_METRIC_DAILY).fetch().intoMaps();

            clock.advance(Duration.ofHours(1));
            SyncReport second = ingestion(warehouse).sync("memory", GOOD);

            assertThat(second.succeeded()).isTrue();
            assertThat(warehouse.dsl().selectFrom(SALES_ORDER).fetch().intoMaps()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(warehouse.dsl().selectFrom(ACCOUNT_METRIC_DAILY).fetch().intoMaps())
                    .containsExactlyInAnyOrderElementsOf(followersBefore);
        }
    }

    @OnEachDatabase
    void a_sync_that_fails_midway_resumes_from_its_last_checkpoint_and_ends_equal_to_a_clean_one(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse interrupted = database.open(); TestWarehouse clean = database.open()) {
            Warehouse broken = interrupted.migrated();
            source.pagesBeforeFailure.set(5);
            SyncReport first = ingestion(broken).sync("memory", GOOD);
            assertThat(first.succeeded()).isFalse();
            assertThat(first.failures()).first().satisfies(f -> assertThat(f.error()).hasValueSatisfying(
                    e -> assertThat(e).contains("the source went away")));

            source.pagesBeforeFailure.set(Integer.MAX_VALUE);
            SyncReport resumed = ingestion(broken).sync("memory", GOOD);
            ingestion(clean.migrated()).sync("memory", GOOD);

            assertThat(resumed.succeeded()).isTrue();
            assertThat(broken.dsl().selectFrom(ACCOUNT_METRIC_DAILY).fetch().intoMaps())
                    .containsExactlyInAnyOrderElementsOf(clean.warehouse().dsl().selectFrom(ACCOUNT_METRIC_DAILY).fetch().intoMaps());
            assertThat(broken.dsl().selectFrom(SALES_ORDER).fetch().intoMaps())
                    .containsExactlyInAnyOrderElementsOf(clean.warehouse().dsl().selectFrom(SALES_ORDER).fetch().intoMaps());
        }
    }

    @OnEachDatabase
    void a_failing_stream_does_not_stop_the_others(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            source.pagesBeforeFailure.set(0);

            SyncReport report = ingestion(warehouse).sync("memory", GOOD);

            assertThat(report.streams()).hasSize(2);
            assertThat(report.streams().get(0).outcome()).isEqualTo(StreamOutcome.FAILED);
            assertThat(report.streams().get(1).outcome()).isEqualTo(StreamOutcome.SUCCEEDED);
            assertThat(warehouse.dsl().fetchCount(SYNC_RUN, SYNC_RUN.STATUS.eq("FAILED"), SYNC_RUN.ERROR.contains("went away")))
                    .isEqualTo(1);
        }
    }

    @OnEachDatabase
    void recent_days_are_read_again_so_late_numbers_update_their_rows(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            ingestion(warehouse).sync("memory", GOOD);
            source.followers.put(TODAY.minusDays(1), 5555L);
            source.followers.put(TODAY.minusDays(5), 7777L);

            ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD).withStreams(Set.of("followers")));

            assertThat(followersOn(warehouse, TODAY.minusDays(1))).isEqualTo(5555L);
            assertThat(followersOn(warehouse, TODAY.minusDays(5))).as("outside the 2-day lookback").isEqualTo(995L);
        }
    }

    @OnEachDatabase
    void a_day_that_vanished_upstream_disappears_when_its_window_is_read_again(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            ingestion(warehouse).sync("memory", GOOD);
            source.followers.remove(TODAY);

            ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD).withStreams(Set.of("followers")));

            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY, ACCOUNT_METRIC_DAILY.REPORT_DATE.eq(TODAY))).isZero();
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY)).isEqualTo(9);
        }
    }

    @OnEachDatabase
    void the_order_cursor_reaches_back_by_the_overlap_and_never_past_the_run_start(TestDatabase database) {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            Instant firstRun = clock.instant();
            ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD).withStreams(Set.of("orders")));
            clock.advance(Duration.ofHours(2));
            source.orders.put("late", InMemorySource.order("late", firstRun.minusSeconds(60), "99.00"));
            source.cursorQueries.clear();

            ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD).withStreams(Set.of("orders")));

            assertThat(source.cursorQueries).first().isEqualTo(firstRun.minus(Duration.ofMinutes(5)) + ".." + clock.instant());
            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.ORDER_ID.eq("late"))).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_backfill_reads_its_range_and_hands_over_to_the_incremental_sync(TestDatabase database) {
        for (int d = 0; d < 60; d++) {
            source.followers.put(TODAY.minusDays(d), 2000L - d);
        }
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();

            SyncReport backfill = ingestion(warehouse).sync(SyncRequest.backfill("memory", GOOD,
                    new DateRange(TODAY.minusDays(59), TODAY.minusDays(9))).withStreams(Set.of("followers")));
            SyncReport incremental = ingestion(warehouse).sync(SyncRequest.incremental("memory", GOOD)
                    .withStreams(Set.of("followers")));

            assertThat(backfill.succeeded()).isTrue();
            assertThat(backfill.streams().get(0).mode()).isEqualTo("backfill");
            assertThat(incremental.streams().get(0).recordsRead()).as("from the backfill's end less the lookback").isEqualTo(12);
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY)).isEqualTo(60);
        }
    }

    @OnEachDatabase
    void a_second_sync_of_the_same_instance_is_refused_while_one_runs(TestDatabase database) throws Exception {
        someFollowersAndOrders();
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            var lock = org.unifiedanalytics.ingest.internal.RunLock.acquire(warehouse, "memory");
            try {
                assertThatThrownBy(() -> ingestion(warehouse).sync("memory", GOOD))
                        .isInstanceOf(SyncAlreadyRunningException.class).hasMessageContaining("'memory'");
            } finally {
                lock.close();
            }
            assertThat(ingestion(warehouse).sync("memory", GOOD).succeeded()).isTrue();
        }
    }

    @Test
    void on_postgresql_a_sync_held_by_another_process_is_refused() throws Exception {
        someFollowersAndOrders();
        try (TestWarehouse test = TestDatabase.POSTGRES.open();
             var otherProcess = java.sql.DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                     TestDatabase.postgresPassword())) {
            Warehouse warehouse = test.migrated();
            try (var lock = otherProcess.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, org.unifiedanalytics.ingest.internal.RunLock.advisoryKey(warehouse.schema(), "memory"));
                lock.execute();
            }

            assertThatThrownBy(() -> ingestion(warehouse).sync("memory", GOOD)).isInstanceOf(SyncAlreadyRunningException.class);

            otherProcess.close();   // the other process dies: PostgreSQL releases its lock, a moment later
            SyncReport report = null;
            for (int attempt = 0; attempt < 100 && report == null; attempt++) {
                try {
                    report = ingestion(warehouse).sync("memory", GOOD);
                } catch (SyncAlreadyRunningException stillHeld) {
                    Thread.sleep(50);
                }
            }
            assertThat(report).as("the lock was released within 5 s").isNotNull();
            assertThat(report.succeeded()).isTrue();
        }
    }

    @Test
    void a_configuration_with_several_problems_reports_them_all_without_secrets() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated());

            assertThatThrownBy(() -> ingestion.configure("memory", ConfigValues.of(Map.of("max_retries", "many",
                    "api_kee", "s3cret", "connect_timeout", "soon"))))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                            "unknown key 'api_kee' (did you mean 'api_key'?)",
                            "'api_key' is required (the API key); set it in code, in the file as memory.api_key, or as ANALYTICS_MEMORY_API_KEY",
                            "'max_retries' must be a whole number, got 'many'",
                            "'connect_timeout' must be a duration such as 30s, 5m, 2h, 1d or PT30S, got 'soon'"))
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void check_answers_in_one_sentence_with_a_category() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated());

            assertThat(ingestion.check("memory", GOOD)).isEqualTo(CheckResult.ok("connected"));
            assertThat(ingestion.check("memory", ConfigValues.of(Map.of("api_key", "bad"))).status())
                    .isEqualTo(CheckResult.Status.AUTHENTICATION);
            assertThat(ingestion.check("memory", ConfigValues.empty()).status()).isEqualTo(CheckResult.Status.CONFIGURATION);
        }
    }

    @Test
    void status_tells_the_last_run_and_freshness_of_each_stream() {
        someFollowersAndOrders();
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Ingestion ingestion = ingestion(test.migrated());
            ingestion.sync("memory", GOOD);
            clock.advance(Duration.ofMinutes(30));

            List<StreamStatus> status = ingestion.status();

            assertThat(status).extracting(StreamStatus::stream).containsExactly("followers", "orders");
            assertThat(status).allSatisfy(s -> {
                assertThat(s.lastStatus()).isEqualTo("SUCCEEDED");
                assertThat(s.freshness()).contains(Duration.ofMinutes(30));
            });
        }
    }

    private static Long followersOn(Warehouse warehouse, LocalDate day) {
        return warehouse.dsl().select(ACCOUNT_METRIC_DAILY.FOLLOWERS).from(ACCOUNT_METRIC_DAILY)
                .where(ACCOUNT_METRIC_DAILY.REPORT_DATE.eq(day)).fetchOne(0, Long.class);
    }
}
