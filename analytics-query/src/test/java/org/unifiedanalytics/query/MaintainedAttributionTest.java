package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CREDIT;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_MAINTENANCE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_UNIT;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.AttributionInputChange;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

/**
 * Attribution from maintained credits: whatever writes come between queries, every answer equals the live SQL's to
 * the unit, and a refresh recomputes only the conversions that changes can touch.
 */
class MaintainedAttributionTest {
    private static final String[] CHANNELS = {"tiktok", "email", "direct", "instagram"};
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final AttributionSettings SHORT_CAPPED = AttributionSettings.builder().lookback(Duration.ofDays(9))
            .halfLife(Duration.ofDays(2)).maxTouches(3).build();

    /** Writes of every kind the warehouse sees, at random, over a few customers so that changes meet. */
    private static final class RandomWrites {
        private final Random random;
        private int touches;
        private int conversions;

        RandomWrites(long seed) {
            this.random = new Random(seed);
        }

        Touchpoint touch(String externalId) {
            return new Touchpoint("test", externalId, CustomerKey.of("cust" + random.nextInt(25)), instant(), "session",
                    CHANNELS[random.nextInt(CHANNELS.length)], ChannelGroup.UNASSIGNED, null, null,
                    random.nextBoolean() ? "spring" : null, random.nextInt(3) == 0 ? "video" + random.nextInt(4) : null);
        }

        Conversion conversion(String externalId) {
            CustomerKey customer = random.nextInt(6) == 0 ? null : CustomerKey.of("cust" + random.nextInt(25));
            return new Conversion("test", externalId, customer, instant(), Money.of(BigDecimal.valueOf(random.nextInt(500_000), 4),
                    random.nextInt(4) == 0 ? "USD" : "EUR"), "order");
        }

        /** New rows, or rows written again with another customer, instant, channel or amount. */
        List<?> next() {
            List<Object> batch = new ArrayList<>();
            int size = 1 + random.nextInt(30);
            for (int i = 0; i < size; i++) {
                boolean again = random.nextInt(3) == 0;
                if (random.nextInt(3) > 0) {
                    batch.add(touch("t" + (again && touches > 0 ? random.nextInt(touches) : touches++)));
                } else {
                    batch.add(conversion("c" + (again && conversions > 0 ? random.nextInt(conversions) : conversions++)));
                }
            }
            return batch;
        }

        Period period() {
            return switch (random.nextInt(4)) {
                case 0 -> Period.all();
                // whole days, often around all of March: the monthly rollup, the daily one on either side
                case 1 -> Period.days(LocalDate.of(2026, 2, 24).plusDays(random.nextInt(12)),
                        LocalDate.of(2026, 3, 28).plusDays(random.nextInt(12)));
                default -> {
                    Instant from = instant();
                    yield new Period(from, from.plusSeconds(1 + random.nextInt(20 * 86_400)));
                }
            };
        }

        Instant instant() {
            // whole hours over 40 days: ties between touches, and conversions at a touch's very instant
            return START.plusSeconds(random.nextInt(40 * 24) * 3600L);
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    @OnEachDatabase
    void after_random_interleavings_of_writes_and_queries_every_answer_equals_the_live_sql(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse).alsoMaintaining(SHORT_CAPPED);
            AttributionQueries live = AttributionQueries.live(warehouse);
            RandomWrites writes = new RandomWrites(20261206);
            int compared = 0;
            for (int step = 0; step < 30; step++) {
                @SuppressWarnings("unchecked")
                List<org.unifiedanalytics.model.records.WarehouseRecord> batch =
                        (List<org.unifiedanalytics.model.records.WarehouseRecord>) writes.next();
                warehouse.write(batch);
                for (int q = 0; q < 3; q++) {
                    AttributionModel model = writes.pick(AttributionModel.values());
                    GroupBy groupBy = writes.pick(GroupBy.values());
                    Period period = writes.period();
                    AttributionSettings settings = step % 2 == 0 ? AttributionSettings.DEFAULTS : SHORT_CAPPED;
                    assertThat(maintained.revenue(model, groupBy, period, settings))
                            .as("step %d: %s by %s over %s with %s", step, model, groupBy, period, settings)
                            .isEqualTo(live.revenue(model, groupBy, period, settings));
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(90);
            assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_UNIT)).as("units computed on first use").isGreaterThan(10);
            assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_CHANGE)).as("markers applied and deleted").isZero();
        }
    }

    @OnEachDatabase
    void every_model_and_grouping_of_every_maintained_setting_equals_the_live_sql_after_a_refresh(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse).alsoMaintaining(SHORT_CAPPED);
            RandomWrites writes = new RandomWrites(7);
            for (int i = 0; i < 20; i++) {
                warehouse.write(cast(writes.next()));
            }
            AttributionRefresh first = maintained.refresh();
            for (int i = 0; i < 5; i++) {
                warehouse.write(cast(writes.next()));
            }
            AttributionRefresh second = maintained.refresh();

            assertThat(first.unitsComputed()).isEqualTo(2 * 6 * 3);
            assertThat(second.unitsComputed()).isZero();
            assertThat(second.conversionsRecomputed()).isPositive();
            AttributionQueries live = AttributionQueries.live(warehouse);
            for (AttributionSettings settings : List.of(AttributionSettings.DEFAULTS, SHORT_CAPPED)) {
                for (GroupBy groupBy : GroupBy.values()) {
                    assertThat(maintained.compare(groupBy, Period.all(), settings)).isEqualTo(live.compare(groupBy, Period.all(), settings));
                }
            }
        }
    }

    @OnEachDatabase
    void a_refresh_of_one_grouping_computes_every_model_of_it_and_no_other_grouping(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            RandomWrites writes = new RandomWrites(11);
            for (int i = 0; i < 10; i++) {
                warehouse.write(cast(writes.next()));
            }

            AttributionRefresh refresh = AttributionQueries.on(warehouse).refresh(GroupBy.CHANNEL);

            assertThat(refresh.unitsComputed()).isEqualTo(6);
            assertThat(warehouse.dsl().selectDistinct(ATTRIBUTION_UNIT.GROUP_BY).from(ATTRIBUTION_UNIT).fetch(ATTRIBUTION_UNIT.GROUP_BY))
                    .containsExactly("CHANNEL");
            assertThat(AttributionQueries.on(warehouse).compare(GroupBy.CHANNEL, Period.all()))
                    .isEqualTo(AttributionQueries.live(warehouse).compare(GroupBy.CHANNEL, Period.all()));
        }
    }

    @OnEachDatabase
    void a_new_touch_recomputes_only_its_customers_conversions_after_it(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            Instant day = Instant.parse("2026-03-10T00:00:00Z");
            List<Object> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(conversion("early" + i, "ana", day.minus(Duration.ofDays(3 - i % 2))));
                records.add(conversion("late" + i, "ana", day.plus(Duration.ofHours(i + 1))));
                records.add(conversion("other" + i, "ben", day.plus(Duration.ofHours(i + 1))));
            }
            warehouse.write(cast(records));
            maintained.refresh();

            warehouse.write(List.of(new Touchpoint("test", "t1", CustomerKey.of("ana"), day, "session", "tiktok",
                    ChannelGroup.ORGANIC_SOCIAL, null, null, null, null)));
            AttributionRefresh refresh = maintained.refresh();

            assertThat(refresh.conversionsRecomputed()).as("ana's five conversions after the touch").isEqualTo(5);
            assertThat(maintained.revenue(AttributionModel.LAST_TOUCH, GroupBy.CHANNEL, Period.all()))
                    .extracting(AttributedRevenue::groupKey, AttributedRevenue::attributedConversions)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("(direct)", new BigDecimal("10.000000")),
                            org.assertj.core.groups.Tuple.tuple("tiktok", new BigDecimal("5.000000")));
        }
    }

    @OnEachDatabase
    void a_touch_moved_to_another_customer_leaves_neither_customers_credits_stale(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            Instant at = Instant.parse("2026-03-10T12:00:00Z");
            warehouse.write(cast(List.of(conversion("a", "ana", at.plusSeconds(60)), conversion("b", "ben", at.plusSeconds(60)),
                    touch("t1", "ana", at, "email"))));
            assertThat(keys(maintained)).containsExactly("(direct)", "email");

            warehouse.write(List.of(touch("t1", "ben", at, "tiktok")));

            assertThat(keys(maintained)).containsExactly("(direct)", "tiktok");
            assertThat(maintained.revenue(AttributionModel.LINEAR, GroupBy.CHANNEL, Period.all()))
                    .isEqualTo(AttributionQueries.live(warehouse).revenue(AttributionModel.LINEAR, GroupBy.CHANNEL, Period.all()));
        }
    }

    @OnEachDatabase
    void a_write_with_the_hosts_own_sql_is_applied_once_it_is_marked(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            Instant at = Instant.parse("2026-03-10T12:00:00Z");
            warehouse.write(cast(List.of(conversion("a", "ana", at.plusSeconds(60)))));
            assertThat(keys(maintained)).containsExactly("(direct)");

            warehouse.inTransaction(tx -> {
                var t = TOUCHPOINT;
                tx.dsl().insertInto(t, t.CUSTOMER_KEY, t.OCCURRED_AT, t.TOUCH_TYPE, t.CHANNEL, t.CHANNEL_GROUP, t.SOURCE_PLATFORM,
                                t.EXTERNAL_ID)
                        .values("ana", LocalDateTime.ofInstant(at, ZoneOffset.UTC), "session", "email", "EMAIL", "host", "h1")
                        .execute();
                tx.markAttributionInputsChanged(List.of(AttributionInputChange.of(CustomerKey.of("ana"), at)));
                return null;
            });

            assertThat(keys(maintained)).containsExactly("email");
        }
    }

    @OnEachDatabase
    void settings_that_are_not_maintained_are_answered_live_and_store_nothing(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(cast(List.of(conversion("a", "ana", START))));
            AttributionSettings other = AttributionSettings.builder().lookback(Duration.ofDays(3)).build();

            List<AttributedRevenue> rows = AttributionQueries.on(warehouse).revenue(AttributionModel.LINEAR, GroupBy.CHANNEL,
                    Period.all(), other);

            assertThat(rows).extracting(AttributedRevenue::groupKey).containsExactly("(direct)");
            assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_UNIT)).isZero();
            assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_CREDIT)).isZero();
        }
    }

    @Test
    void a_query_that_cannot_get_the_maintenance_lock_answers_live_and_leaves_the_changes_pending() throws Exception {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            Instant at = Instant.parse("2026-03-10T12:00:00Z");
            warehouse.write(cast(List.of(conversion("a", "ana", at.plusSeconds(60)))));
            maintained.refresh();
            warehouse.write(List.of(touch("t1", "ana", at, "email")));

            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch answered = new CountDownLatch(1);
            ExecutorService holder = Executors.newSingleThreadExecutor();
            try {
                Future<?> holding = holder.submit(() -> warehouse.inTransaction(tx -> {
                    tx.dsl().selectFrom(ATTRIBUTION_MAINTENANCE).forUpdate().fetch();
                    locked.countDown();
                    answered.await(30, TimeUnit.SECONDS);
                    return null;
                }));
                assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

                List<String> keys = keys(maintained);
                answered.countDown();
                holding.get(10, TimeUnit.SECONDS);

                assertThat(keys).as("answered live, with the new touch").containsExactly("email");
                assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_CHANGE)).as("still to apply").isPositive();
                assertThat(keys(maintained)).containsExactly("email");
                assertThat(warehouse.dsl().fetchCount(ATTRIBUTION_CHANGE)).isZero();
            } finally {
                holder.shutdownNow();
            }
        }
    }

    static List<String> keys(AttributionQueries queries) {
        return queries.revenue(AttributionModel.LAST_TOUCH, GroupBy.CHANNEL, Period.all()).stream()
                .map(AttributedRevenue::groupKey).toList();
    }

    static Conversion conversion(String id, String customer, Instant at) {
        return new Conversion("test", id, CustomerKey.of(customer), at, Money.of("10.00", "EUR"), "order");
    }

    static Touchpoint touch(String id, String customer, Instant at, String channel) {
        return new Touchpoint("test", id, CustomerKey.of(customer), at, "session", channel, ChannelGroup.UNASSIGNED, null, null,
                null, null);
    }

    @SuppressWarnings("unchecked")
    static List<org.unifiedanalytics.model.records.WarehouseRecord> cast(List<?> records) {
        return (List<org.unifiedanalytics.model.records.WarehouseRecord>) records;
    }
}
