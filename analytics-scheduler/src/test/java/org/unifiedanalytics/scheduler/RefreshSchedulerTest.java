package org.unifiedanalytics.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The scheduler on db-scheduler's manual scheduler: time moves only when a test says so. */
class RefreshSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-03-27T12:00:00Z");

    private final ScriptedSource source = new ScriptedSource();
    private final SettableClock time = new SettableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ManualScheduler manual;

    {
        time.set(T0);
    }

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return time.now();
        }
    };

    private RefreshScheduler scheduler(Warehouse warehouse, RefreshSchedule schedule) {
        Ingestion ingestion = Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(source))).clock(clock).build();
        return RefreshScheduler.builder(warehouse, ingestion).clock(clock).retries(3, Duration.ofMinutes(1))
                .meterRegistry(meters)
                .connector("scripted", ConfigValues.of(Map.of("initial_days", "2")), schedule)
                .schedulerFactory(tasks -> manual = (ManualScheduler) TestHelper.createManualScheduler(warehouse.dataSource(), tasks)
                        .clock(time).tableName(RefreshScheduler.tableName(warehouse)).serializer(new JacksonSerializer()).build())
                .build();
    }

    private void runAt(Instant instant) {
        time.set(instant);
        manual.runAnyDueExecutions();
    }

    @OnEachDatabase
    void a_daily_refresh_fires_at_its_time_in_its_zone_across_a_daylight_saving_change(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(),
                RefreshSchedule.parse("daily 06:00 Europe/Berlin"))) {
            scheduler.start();
            manual.runAnyDueExecutions();   // the first refresh runs at once
            Instant first = scheduler.nextRun("scripted").orElseThrow();
            runAt(first.minusSeconds(1));
            int beforeTime = source.runs.get();
            runAt(first);
            Instant second = scheduler.nextRun("scripted").orElseThrow();

            assertThat(first).isEqualTo(Instant.parse("2026-03-28T05:00:00Z"));
            assertThat(beforeTime).isEqualTo(1);
            assertThat(source.runs.get()).isEqualTo(2);
            assertThat(second).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
        }
    }

    @OnEachDatabase
    void a_node_that_was_down_for_three_days_catches_up_exactly_the_missed_days(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 1h"))) {
            scheduler.start();
            manual.runAnyDueExecutions();
            source.windows.clear();

            runAt(T0.plus(Duration.ofDays(3)));   // every hourly instant in between was missed

            assertThat(source.windows).containsExactly(new DateRange(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31)));
            assertThat(scheduler.nextRun("scripted")).contains(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        }
    }

    @OnEachDatabase
    void a_failing_refresh_is_retried_with_growing_waits_then_waits_for_its_next_regular_time(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 6h"))) {
            source.then(true, true, true, true);
            scheduler.start();
            List<Duration> waits = new java.util.ArrayList<>();
            Instant now = T0;
            for (int attempt = 0; attempt < 4; attempt++) {
                runAt(now);
                Instant next = scheduler.nextRun("scripted").orElseThrow();
                waits.add(Duration.between(now, next));
                now = next;
            }

            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofHours(6));
            assertThat(meters.counter("analytics.scheduler.runs", "instance", "scripted", "outcome", "failed").count()).isEqualTo(4);
        }
    }

    @OnEachDatabase
    void refused_credentials_stop_the_refreshes_until_the_user_reauthorizes(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 1h"))) {
            source.then("reauth");
            scheduler.start();
            runAt(T0);
            runAt(T0.plus(Duration.ofDays(2)));
            int runsWhileRefused = source.runs.get();
            RefreshStatus waiting = scheduler.status().get(0);

            scheduler.reauthorized("scripted");
            runAt(T0.plus(Duration.ofDays(2)));

            assertThat(runsWhileRefused).isEqualTo(1);
            assertThat(waiting.waitingForReauthorization()).isTrue();
            assertThat(waiting.nextRun()).isEmpty();
            assertThat(waiting.lastStatus()).contains("REAUTHORIZATION_REQUIRED");
            assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("re-authorize"));
            assertThat(source.runs.get()).isEqualTo(2);
            assertThat(scheduler.status().get(0).waitingForReauthorization()).isFalse();
        }
    }

    @OnEachDatabase
    void a_spent_quota_reschedules_the_refresh_for_when_the_quota_returns(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 1h"))) {
            Instant midnightPacific = Instant.parse("2026-03-28T07:00:00Z");
            source.then(midnightPacific);
            scheduler.start();

            runAt(T0);

            assertThat(scheduler.nextRun("scripted")).contains(midnightPacific);
            assertThat(scheduler.status().get(0).lastStatus()).contains("QUOTA_EXHAUSTED");
        }
    }

    @OnEachDatabase
    void a_backfill_runs_once_as_a_one_off_job_and_leaves_the_refresh_alone(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 1h"))) {
            scheduler.start();
            manual.runAnyDueExecutions();
            DateRange january = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));

            scheduler.backfill("scripted", january);
            scheduler.backfill("scripted", january);   // scheduling it twice is one job
            manual.runAnyDueExecutions();
            runAt(T0.plus(Duration.ofMinutes(30)));

            assertThat(source.windows).contains(january);
            assertThat(source.runsPerWindow.get(january.toString())).hasValue(1);
            assertThat(scheduler.nextRun("scripted")).contains(T0.plus(Duration.ofHours(1)));
        }
    }

    @OnEachDatabase
    void status_says_when_data_is_late_against_its_schedule(TestDatabase db) {
        try (TestWarehouse test = db.open(); RefreshScheduler scheduler = scheduler(test.migrated(), RefreshSchedule.parse("every 1h"))) {
            scheduler.start();
            runAt(T0);
            RefreshStatus fresh = scheduler.status().get(0);
            time.set(T0.plus(Duration.ofHours(3)));   // the node stopped picking work

            RefreshStatus late = scheduler.status().get(0);

            assertThat(fresh.late()).isFalse();
            assertThat(fresh.lastSuccessAt()).contains(T0);
            assertThat(fresh.nextRun()).contains(T0.plus(Duration.ofHours(1)));
            assertThat(late.late()).isTrue();
            assertThat(late.lag()).contains(Duration.ofHours(3));
        }
    }

    @org.junit.jupiter.api.Test
    void invalid_schedules_are_reported_all_at_once_each_naming_its_key() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            Ingestion ingestion = Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(source))).build();

            assertThatThrownBy(() -> RefreshScheduler.builder(warehouse, ingestion)
                    .connector("scripted", ConfigValues.of(Map.of("schedule", "every 6 hours")))
                    .connector("scripted", ConfigValues.of(Map.of("schedule", "daily 06:00 Mars/Olympus", "instance", "second")))
                    .connector("nowhere", ConfigValues.empty())
                    .build())
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.problems()).hasSize(3);
                        assertThat(e.getMessage()).contains("scripted.schedule", "every 6 hours", "Mars/Olympus", "nowhere");
                    });
        }
    }
}
