package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_UNIT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

/** The change markers writes leave for attribution's maintained credits. */
class AttributionChangeMarkersTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-03-06T10:00:00Z");

    @OnEachDatabase
    void a_touch_written_again_for_another_customer_marks_both_customers_from_the_earlier_instant(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(touch("ana", FRIDAY)));
            warehouse.dsl().deleteFrom(ATTRIBUTION_CHANGE).execute();

            warehouse.write(List.of(touch("ben", MONDAY)));

            assertThat(markers(warehouse)).containsExactlyInAnyOrder(tuple("ana", utc(FRIDAY)), tuple("ben", utc(MONDAY)));
        }
    }

    @OnEachDatabase
    void a_conversion_without_a_customer_is_marked_under_the_empty_key(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            warehouse.write(List.of(new Conversion("test", "o1", null, MONDAY, Money.of("5.00", "EUR"), "order"),
                    new Conversion("test", "o2", CustomerKey.of("ana"), FRIDAY, Money.of("5.00", "EUR"), "order"),
                    new Conversion("test", "o3", CustomerKey.of("ana"), MONDAY, Money.of("5.00", "EUR"), "order")));

            assertThat(markers(warehouse)).containsExactlyInAnyOrder(tuple("", utc(MONDAY)), tuple("ana", utc(MONDAY)));
        }
    }

    @OnEachDatabase
    void markers_are_discarded_while_no_credits_are_kept_and_kept_once_some_are(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(touch("ana", MONDAY)));
            AttributionChangeMarkers markers = AttributionChangeMarkers.on(warehouse);

            assertThat(markers.discardIfNoCreditsKept()).isEqualTo(1);
            assertThat(markers.pending()).isZero();

            var u = ATTRIBUTION_UNIT;
            warehouse.dsl().insertInto(u, u.MODEL, u.GROUP_BY, u.LOOKBACK_SECONDS, u.HALF_LIFE_NANOS, u.MAX_TOUCHES, u.TOUCH_TYPES,
                    u.COMPUTED_AT).values("LINEAR", "CHANNEL", 86_400L, 0L, 0, "", utc(MONDAY)).execute();
            warehouse.write(List.of(touch("ben", MONDAY)));

            assertThat(markers.discardIfNoCreditsKept()).isZero();
            assertThat(markers.pending()).as("ben's, and ana's whose touch it was").isEqualTo(2);
        }
    }

    @OnEachDatabase
    void while_attribution_holds_its_lock_markers_are_left_for_it_at_once(TestDatabase db) throws Exception {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(touch("ana", MONDAY)));
            try (java.sql.Connection holder = warehouse.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (var statement = holder.createStatement()) {
                    statement.executeQuery("SELECT * FROM " + warehouse.schema() + ".attribution_maintenance FOR UPDATE").close();
                }
                long started = System.nanoTime();

                assertThat(AttributionChangeMarkers.on(warehouse).discardIfNoCreditsKept()).isZero();

                assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
                holder.rollback();
            }
            assertThat(AttributionChangeMarkers.on(warehouse).pending()).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void any_other_failure_of_the_discard_is_thrown_not_taken_for_a_held_lock(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse unmigrated = test.warehouse();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttributionChangeMarkers.on(unmigrated).discardIfNoCreditsKept())
                    .isInstanceOf(org.jooq.exception.DataAccessException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("attribution_maintenance"));
        }
    }

    private static Touchpoint touch(String customer, Instant at) {
        return new Touchpoint("test", "t1", CustomerKey.of(customer), at, "session", "email", ChannelGroup.EMAIL, null, null,
                null, null);
    }

    private static List<org.assertj.core.groups.Tuple> markers(Warehouse warehouse) {
        return warehouse.dsl().select(ATTRIBUTION_CHANGE.CUSTOMER_KEY, ATTRIBUTION_CHANGE.CHANGED_FROM).from(ATTRIBUTION_CHANGE)
                .fetch(r -> tuple(r.value1(), r.value2()));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
