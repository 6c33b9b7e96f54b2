package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;
import static org.unifiedanalytics.model.testing.Fixtures.DAY;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.testing.Fixtures;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

class WarehouseTest {

    @OnEachDatabase
    void instants_are_stored_as_utc_whatever_the_jvm_time_zone(TestDatabase database) {
        // Surefire runs the tests in Pacific/Auckland so that a conversion through the default zone shows.
        Instant at = Instant.parse("2024-03-31T02:30:00.123456Z");
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(Fixtures.touchpoint("t1", at, "tiktok")));

            LocalDateTime stored = warehouse.dsl().select(TOUCHPOINT.OCCURRED_AT).from(TOUCHPOINT).fetchOne(0, LocalDateTime.class);

            assertThat(stored).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    @OnEachDatabase
    void work_that_fails_in_a_transaction_leaves_nothing_behind(TestDatabase database) {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> warehouse.inTransaction(tx -> {
                tx.write(List.of(Fixtures.order("1001", "10.00")));
                throw new IllegalStateException("crash after the write");
            })).hasMessage("crash after the write");

            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isZero();
        }
    }

    @OnEachDatabase
    void the_increase_view_turns_lifetime_snapshots_into_daily_increases(TestDatabase database) {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(
                    Fixtures.contentMetrics("v1", DAY, 100),
                    Fixtures.contentMetrics("v1", DAY.plusDays(1), 160),
                    Fixtures.contentMetrics("v1", DAY.plusDays(3), 200),
                    dailyViews("v2", DAY, 7),
                    dailyViews("v2", DAY.plusDays(1), 9)));

            var increases = warehouse.dsl().select(CONTENT_METRIC_INCREASE.CONTENT_ID, CONTENT_METRIC_INCREASE.VIEWS)
                    .from(CONTENT_METRIC_INCREASE)
                    .orderBy(CONTENT_METRIC_INCREASE.CONTENT_ID, CONTENT_METRIC_INCREASE.REPORT_DATE)
                    .fetch(r -> r.value1() + "=" + r.value2());

            assertThat(increases).containsExactly("v1=100", "v1=60", "v1=40", "v2=7", "v2=9");
        }
    }

    @OnEachDatabase
    void deleting_days_removes_only_that_accounts_rows_in_the_range(TestDatabase database) {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(Fixtures.accountMetrics(DAY, 1), Fixtures.accountMetrics(DAY.plusDays(1), 2),
                    Fixtures.accountMetrics(DAY.plusDays(2), 3)));

            int deleted = warehouse.inTransaction(tx -> tx.deleteDays(org.unifiedanalytics.model.records.AccountMetrics.class,
                    "tiktok", "acc-1", DAY.plusDays(1), DAY.plusDays(3)));

            assertThat(deleted).isEqualTo(2);
            assertThat(warehouse.dsl().fetchCount(org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY)).isEqualTo(1);
        }
    }

    @Test
    void an_embedded_warehouse_keeps_its_data_across_restarts(@TempDir Path dir) {
        Path file = dir.resolve("analytics");
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            warehouse.migrate();
            warehouse.write(List.of(Fixtures.order("1001", "10.00")));
        }
        try (Warehouse reopened = Warehouse.embedded(file)) {
            assertThat(reopened.migrate().migrationsApplied()).isZero();
            assertThat(reopened.dsl().fetchCount(SALES_ORDER)).isEqualTo(1);
        }
    }

    @Test
    void a_warehouse_configuration_reports_every_problem_at_once() {
        assertThatThrownBy(() -> Warehouse.builder().inMemory("a b").jdbcUrl("postgres://x").schema("Bad-Schema")
                .maximumPoolSize(0).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .hasSize(5)
                        .anySatisfy(p -> assertThat(p).contains("exactly one database"))
                        .anySatisfy(p -> assertThat(p).contains("schema 'Bad-Schema'"))
                        .anySatisfy(p -> assertThat(p).contains("maximumPoolSize"))
                        .anySatisfy(p -> assertThat(p).contains("inMemory name"))
                        .anySatisfy(p -> assertThat(p).contains("jdbcUrl")));
    }

    @Test
    void a_database_that_cannot_be_reached_is_reported_without_its_password() {
        assertThatThrownBy(() -> Warehouse.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/none")
                .credentials("u", "s3cr3t-password").build())
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("cannot open the warehouse database")
                .hasMessageNotContaining("s3cr3t-password");
    }

    private static ContentMetrics dailyViews(String id, java.time.LocalDate day, long views) {
        return new ContentMetrics("tiktok", id, day, "acc-1", Counting.DAILY, views, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, Fixtures.T0);
    }
}
