package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * Random data, every model: the SQL agrees with an independent Java implementation of the specification,
 * and the invariants hold (credits sum to the number of conversions, revenue to the revenue, exactly).
 */
class AttributionAgainstReferenceTest {
    private static final String[] CHANNELS = {"tiktok", "email", "instagram", "direct", "organic_search", "tiktok_shop"};

    /** 3,000 touches and 600 conversions (some of guests, some in USD) at whole seconds, so that ties occur. */
    private record RandomData(List<ReferenceAttribution.Touch> touches, List<ReferenceAttribution.Conv> conversions,
                              List<Touchpoint> touchRecords, List<Conversion> conversionRecords) {
        static RandomData generate() {
            Random random = new Random(20260301);
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            List<ReferenceAttribution.Touch> touches = new ArrayList<>();
            List<ReferenceAttribution.Conv> conversions = new ArrayList<>();
            List<Touchpoint> touchRecords = new ArrayList<>();
            List<Conversion> conversionRecords = new ArrayList<>();
            for (int i = 1; i <= 3000; i++) {
                String customer = "cust" + random.nextInt(200);
                // Whole seconds, often repeated, so that equal timestamps and ties occur.
                Instant at = start.plusSeconds(random.nextInt(90) * 86_400L + random.nextInt(4) * 3600L);
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                touches.add(new ReferenceAttribution.Touch(i, customer, at, channel));
                touchRecords.add(new Touchpoint("test", "t" + i, CustomerKey.of(customer), at, "session", channel,
                        ChannelGroup.UNASSIGNED, null, null, null, null));
            }
            for (int i = 1; i <= 600; i++) {
                String customer = random.nextInt(20) == 0 ? null : "cust" + random.nextInt(220);
                Instant at = start.plusSeconds(random.nextInt(100) * 86_400L + random.nextInt(86_400));
                BigDecimal revenue = BigDecimal.valueOf(random.nextInt(2_000_000), 4);
                String currency = random.nextInt(5) == 0 ? "USD" : "EUR";
                conversions.add(new ReferenceAttribution.Conv(i, customer, at, revenue, currency));
                conversionRecords.add(new Conversion("test", "c" + i, customer == null ? null : CustomerKey.of(customer), at,
                        Money.of(revenue, currency), "order"));
            }
            return new RandomData(touches, conversions, touchRecords, conversionRecords);
        }

        Warehouse writeTo(Warehouse warehouse) {
            warehouse.write(touchRecords);
            warehouse.write(conversionRecords);
            return warehouse;
        }
    }

    @OnEachDatabase
    void every_model_matches_the_reference_and_conserves_revenue_exactly(TestDatabase db) {
        RandomData data = RandomData.generate();
        List<ReferenceAttribution.Conv> conversions = data.conversions();
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = data.writeTo(test.migrated());
            AttributionQueries queries = AttributionQueries.on(warehouse);

            for (AttributionModel model : AttributionModel.values()) {
                List<AttributedRevenue> actual = queries.revenue(model, GroupBy.CHANNEL, Period.all());
                Map<String, Map<String, BigDecimal[]>> expected = ReferenceAttribution.attribute(model, data.touches(), conversions,
                        Duration.ofDays(30), Duration.ofDays(7));

                assertThat(actual).as(model + " rows").hasSize(expected.values().stream().mapToInt(Map::size).sum());
                for (AttributedRevenue row : actual) {
                    BigDecimal[] want = expected.get(row.currency()).get(row.groupKey());
                    assertThat(want).as(model + " has " + row.currency() + " " + row.groupKey()).isNotNull();
                    assertThat(row.attributedConversions().scale()).as(model + " conversions' scale").isEqualTo(Scales.CONVERSIONS);
                    if (model == AttributionModel.TIME_DECAY) {
                        // Doubles can order two near-equal remainders differently in SQL and in Java.
                        assertThat(row.attributedConversions()).as(model + " conversions of " + row.groupKey())
                                .isCloseTo(want[0], within(new BigDecimal("0.00001")));
                        assertThat(row.attributedRevenue()).as(model + " revenue of " + row.groupKey())
                                .isCloseTo(want[1], within(new BigDecimal("0.01")));
                    } else {
                        assertThat(row.attributedConversions()).as(model + " conversions of " + row.groupKey()).isEqualTo(want[0]);
                        assertThat(row.attributedRevenue()).as(model + " revenue of " + row.groupKey()).isEqualByComparingTo(want[1]);
                    }
                }
                for (String currency : List.of("EUR", "USD")) {
                    BigDecimal revenue = conversions.stream().filter(c -> c.currency().equals(currency))
                            .map(ReferenceAttribution.Conv::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
                    long count = conversions.stream().filter(c -> c.currency().equals(currency)).count();
                    List<AttributedRevenue> rows = actual.stream().filter(r -> r.currency().equals(currency)).toList();
                    assertThat(rows.stream().map(AttributedRevenue::attributedRevenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                            .as(model + " " + currency + " revenue conserved").isEqualByComparingTo(revenue);
                    assertThat(rows.stream().map(AttributedRevenue::attributedConversions).reduce(BigDecimal.ZERO, BigDecimal::add))
                            .as(model + " " + currency + " conversions counted exactly").isEqualTo(BigDecimal.valueOf(count).setScale(6));
                }
            }
        }
    }

    @OnEachDatabase
    void under_every_model_each_conversions_credits_add_up_to_exactly_one(TestDatabase db) {
        RandomData data = RandomData.generate();
        try (TestWarehouse test = db.open()) {
            AttributionQueries queries = AttributionQueries.on(data.writeTo(test.migrated()));
            // A period around one conversion's instant holds that conversion (and any at the same microsecond).
            for (ReferenceAttribution.Conv conversion : data.conversions().subList(0, 40)) {
                long atTheSameInstant = data.conversions().stream().filter(c -> c.at().equals(conversion.at())).count();
                Period instant = new Period(conversion.at(), conversion.at().plusNanos(1_000));
                for (AttributionModel model : AttributionModel.values()) {
                    for (GroupBy groupBy : GroupBy.values()) {
                        BigDecimal credits = queries.revenue(model, groupBy, instant).stream()
                                .map(AttributedRevenue::attributedConversions).reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(credits).as(model + " by " + groupBy + " of conversion " + conversion.id())
                                .isEqualTo(BigDecimal.valueOf(atTheSameInstant).setScale(Scales.CONVERSIONS));
                    }
                }
            }
        }
    }

    @OnEachDatabase
    void under_every_model_a_groups_conversions_over_a_period_are_the_sum_of_its_parts(TestDatabase db) {
        RandomData data = RandomData.generate();
        Instant cut = Instant.parse("2026-02-13T17:00:00Z");
        Period whole = new Period(Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        try (TestWarehouse test = db.open()) {
            AttributionQueries queries = AttributionQueries.on(data.writeTo(test.migrated()));
            for (AttributionModel model : AttributionModel.values()) {
                for (GroupBy groupBy : GroupBy.values()) {
                    Map<String, BigDecimal> parts = new java.util.TreeMap<>();
                    for (Period part : List.of(new Period(whole.from(), cut), new Period(cut, whole.to()))) {
                        queries.revenue(model, groupBy, part).forEach(r -> parts.merge(r.currency() + " " + r.groupKey(),
                                r.attributedConversions(), BigDecimal::add));
                    }
                    Map<String, BigDecimal> total = new java.util.TreeMap<>();
                    queries.revenue(model, groupBy, whole).forEach(r -> total.put(r.currency() + " " + r.groupKey(),
                            r.attributedConversions()));

                    assertThat(total).as(model + " by " + groupBy).isEqualTo(parts);
                    assertThat(total.values()).as(model + " by " + groupBy + ": the documented scale")
                            .allSatisfy(v -> assertThat(v.scale()).isEqualTo(Scales.CONVERSIONS));
                }
            }
        }
    }
}
