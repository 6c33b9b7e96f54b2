package org.unifiedanalytics.model.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.testing.Fixtures;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.ChannelGroup;

class PurchaseSessionTouchpointsTest {
    /** Fixtures.order's orders are created at T0; their customer is Jane. */
    private static final Instant ORDERED = Fixtures.T0;

    @OnEachDatabase
    void a_purchase_whose_transaction_id_is_a_known_order_becomes_a_session_touch_of_its_customer(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            Instant minute = ORDERED.minusSeconds(40);
            warehouse.write(List.of(Fixtures.order("1001", "25.00"), Fixtures.webPurchase("#1001", minute, "klaviyo", "email"),
                    Fixtures.webPurchase("1002", minute, "google", "organic")));

            int linked = PurchaseSessionTouchpoints.on(warehouse).refresh();

            assertThat(linked).isEqualTo(1);
            var touch = warehouse.dsl().selectFrom(TOUCHPOINT).where(TOUCHPOINT.SOURCE_PLATFORM.eq("ga4")).fetchOne();
            assertThat(touch.getCustomerKey()).isEqualTo(Fixtures.JANE.value());
            assertThat(touch.getExternalId()).isEqualTo("123456:#1001");
            assertThat(touch.getTouchType()).isEqualTo("session");
            assertThat(touch.getChannel()).isEqualTo("email");
            assertThat(touch.getOccurredAt()).isEqualTo(LocalDateTime.ofInstant(minute, ZoneOffset.UTC));
        }
    }

    @OnEachDatabase
    void a_purchase_of_an_order_not_yet_synced_is_linked_when_the_order_arrives_and_only_once(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(Fixtures.webPurchase("1001", ORDERED.minusSeconds(30), "google", "organic")));
            int before = PurchaseSessionTouchpoints.on(warehouse).refresh();
            warehouse.write(List.of(Fixtures.order("1001", "25.00")));

            int after = PurchaseSessionTouchpoints.on(warehouse).refresh();
            int again = PurchaseSessionTouchpoints.on(warehouse).refresh();

            assertThat(before).isZero();
            assertThat(after).isEqualTo(1);
            assertThat(again).isZero();
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_purchase_minute_at_or_after_the_order_is_moved_just_before_it(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(Fixtures.order("1001", "25.00"), Fixtures.webPurchase("1001", ORDERED.plusSeconds(20), "google", "organic")));

            PurchaseSessionTouchpoints.on(warehouse).refresh();

            assertThat(warehouse.dsl().select(TOUCHPOINT.OCCURRED_AT).from(TOUCHPOINT).fetchOne().value1())
                    .isEqualTo(LocalDateTime.ofInstant(ORDERED.minusSeconds(1), ZoneOffset.UTC));
        }
    }

    @OnEachDatabase
    void a_session_the_store_already_recorded_on_the_same_channel_is_not_counted_twice(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            Touchpoint storeVisit = new Touchpoint("shopify", "1001:last", Fixtures.JANE, ORDERED.minus(Duration.ofMinutes(10)),
                    "session", "email", ChannelGroup.EMAIL, "klaviyo", "email", "spring", null);
            warehouse.write(List.of(Fixtures.order("1001", "25.00"), storeVisit,
                    Fixtures.webPurchase("1001", ORDERED.minusSeconds(30), "klaviyo", "email")));

            int linked = PurchaseSessionTouchpoints.on(warehouse).refresh();

            assertThat(linked).isZero();
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isEqualTo(1);
        }
    }
}
