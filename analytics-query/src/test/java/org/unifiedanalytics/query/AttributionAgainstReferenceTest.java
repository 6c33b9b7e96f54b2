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

    @OnEachDatabase
    void every_model_matches_the_reference_and_conserves_revenue_exactly(TestDatabase db) {
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
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(touchRecords);
            warehouse.write(conversionRecords);
            AttributionQueries queries = AttributionQueries.on(warehouse);

            for (AttributionModel model : AttributionModel.values()) {
                List<AttributedRevenue> actual = queries.revenue(model, GroupBy.CHANNEL, Period.all());
                Map<String, Map<String, BigDecimal[]>> expected = ReferenceAttribution.attribute(model, touches, conversions,
                        Duration.ofDays(30), Duration.ofDays(7));

                assertThat(actual).as(model + " rows").hasSize(expected.values().stream().mapToInt(Map::size).sum());
                for (AttributedRevenue row : actual) {
                    BigDecimal[] want = expected.get(row.currency()).get(row.groupKey());
                    assertThat(want).as(model + " has " + row.currency() + " " + row.groupKey()).isNotNull();
                    assertThat(row.attributedConversions().doubleValue()).as(model + " conversions of " + row.groupKey())
                            .isCloseTo(want[0].doubleValue(), within(1e-9));
                    if (model == AttributionModel.TIME_DECAY) {
                        assertThat(row.attributedRevenue()).as(model + " revenue of " + row.groupKey())
                                .isCloseTo(want[1], within(new BigDecimal("0.01")));
                    } else {
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
                    assertThat(rows.stream().map(AttributedRevenue::attributedConversions).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .doubleValue()).as(model + " " + currency + " conversions counted").isCloseTo(count, within(1e-9));
                }
            }
        }
    }
}
