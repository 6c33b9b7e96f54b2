package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.EmailCampaign;
import org.unifiedanalytics.model.records.EmailCampaignMetrics;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.testing.Fixtures;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.Money;

class ChannelKpiQueriesTest {
    private static final LocalDate WEEK1 = LocalDate.of(2024, 5, 6);
    private static final LocalDate WEEK2 = LocalDate.of(2024, 5, 13);

    private static SalesOrder order(String id, String created, String total, String currency, String refunded) {
        Money t = Money.of(total, currency);
        Money zero = Money.of("0", currency);
        Instant at = Instant.parse(created);
        return new SalesOrder("shopify", id, "s", id, at, at, null, "paid", null, t, zero, zero, zero, t,
                Money.of(refunded, currency), null, Utm.NONE, null, null, null);
    }

    private static List<Kpi> weekly(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            Instant sent = Instant.parse("2024-05-08T09:00:00Z");
            warehouse.write(List.of(
                    Fixtures.contentMetrics("v1", WEEK1, 100), Fixtures.contentMetrics("v1", WEEK2, 300),
                    Fixtures.accountMetrics(WEEK1, 1000), Fixtures.accountMetrics(WEEK2.plusDays(1), 1010),
                    Fixtures.webTraffic(WEEK1.plusDays(1), 40),
                    new EmailCampaign("klaviyo", "c1", "kl", "Spring", "Hi", "Sent", sent, sent),
                    new EmailCampaignMetrics("klaviyo", "c1", LocalDate.of(2024, 5, 8), "kl", Counting.LIFETIME, 1000L, 990L,
                            300L, 290L, 50L, 40L, 5L, null, 1L, 10L, 0L, sent),
                    new EmailCampaignMetrics("klaviyo", "c1", LocalDate.of(2024, 5, 10), "kl", Counting.LIFETIME, 1000L, 990L,
                            320L, 310L, 60L, 45L, 9L, Money.of("450.00", "EUR"), 1L, 10L, 0L, sent),
                    order("o1", "2024-05-07T10:00:00Z", "30.00", "EUR", "0"),
                    order("o2", "2024-05-08T10:00:00Z", "10.00", "EUR", "5.00"),
                    order("o3", "2024-05-14T10:00:00Z", "60.00", "EUR", "0"),
                    order("o4", "2024-05-14T10:00:00Z", "99.00", "USD", "0")));
            return ChannelKpiQueries.on(warehouse).kpis(Period.days(WEEK1, WEEK2.plusDays(7)), Granularity.WEEK);
        }
    }

    private static Optional<BigDecimal> kpi(List<Kpi> kpis, String channel, String name, String currency, LocalDate week) {
        return kpis.stream().filter(k -> k.channel().equals(channel) && k.name().equals(name) && k.bucket().equals(week)
                        && k.currency().orElse("").equals(currency))
                .findFirst().orElseThrow(() -> new AssertionError("no KPI " + channel + "/" + name + " " + week)).value();
    }

    private static void assertValue(Optional<BigDecimal> actual, String expected) {
        assertThat(actual).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @OnEachDatabase
    void tiktok_kpis_come_from_the_daily_increase_of_lifetime_snapshots(TestDatabase db) {
        List<Kpi> kpis = weekly(db);

        assertValue(kpi(kpis, "tiktok", "views", "", WEEK1), "100");
        assertValue(kpi(kpis, "tiktok", "views", "", WEEK2), "200");
        assertValue(kpi(kpis, "tiktok", "engagement_rate", "", WEEK1), "0.16");
        assertValue(kpi(kpis, "tiktok", "engagement_rate", "", WEEK2), "0.1");
        assertValue(kpi(kpis, "tiktok", "followers_gained", "", WEEK2), "10");
        assertThat(kpis).filteredOn(k -> k.name().equals("views") && k.bucket().equals(WEEK2)).singleElement()
                .satisfies(k -> assertValue(k.change(), "1"));
    }

    @OnEachDatabase
    void website_and_email_rates_are_ratios_of_the_buckets_sums(TestDatabase db) {
        List<Kpi> kpis = weekly(db);

        assertValue(kpi(kpis, "website", "sessions", "", WEEK1), "40");
        assertValue(kpi(kpis, "website", "engaged_session_rate", "", WEEK1), "0.5");
        assertValue(kpi(kpis, "website", "conversion_rate", "", WEEK1), "0.025");
        assertThat(kpi(kpis, "website", "conversion_rate", "", WEEK2)).as("no sessions: no rate").isEmpty();
        // the campaign counts once, at its latest snapshot: 310 unique opens of 990 delivered
        assertThat(kpi(kpis, "email", "open_rate", "", WEEK1)).as("310 / 990 at 6 places").hasValue(new BigDecimal("0.313131"));
        assertThat(kpi(kpis, "email", "conversion_rate", "", WEEK1)).as("9 / 990 at 6 places").hasValue(new BigDecimal("0.009091"));
        // 450.00 EUR of conversions over the campaign's 1,000 recipients, at its latest snapshot
        assertValue(kpi(kpis, "email", "revenue_per_recipient", "EUR", WEEK1), "0.45");
    }

    @OnEachDatabase
    void website_users_are_the_total_counted_over_exactly_the_bucket_never_a_sum_of_days(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            List<org.unifiedanalytics.model.records.WarehouseRecord> records = new java.util.ArrayList<>();
            for (int d = 0; d < 7; d++) {
                records.add(Fixtures.webUsers(WEEK1.plusDays(d), WEEK1.plusDays(d), 40));   // 280 as a sum of days
                records.add(Fixtures.webTraffic(WEEK1.plusDays(d), 10));                       // users 9 per row, per day
            }
            records.add(Fixtures.webUsers(WEEK1, WEEK1.plusDays(6), 55));                      // the week's distinct users
            records.add(Fixtures.webUsers(WEEK2, WEEK2.plusDays(3), 30));                      // part of a week: no answer
            warehouse.write(records);

            List<Kpi> weekly = ChannelKpiQueries.on(warehouse).kpis(Period.days(WEEK1, WEEK2.plusDays(7)), Granularity.WEEK);
            List<Kpi> daily = ChannelKpiQueries.on(warehouse).kpis(Period.days(WEEK1, WEEK1.plusDays(2)), Granularity.DAY);

            assertValue(kpi(weekly, "website", "users", "", WEEK1), "55");
            assertThat(kpi(weekly, "website", "users", "", WEEK2)).as("no total over exactly that week").isEmpty();
            assertValue(kpi(daily, "website", "users", "", WEEK1.plusDays(1)), "40");
        }
    }

    @OnEachDatabase
    void website_kpis_carry_the_caveats_of_their_days_and_other_channels_none(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(Fixtures.webTraffic(WEEK1.plusDays(2), 40), Fixtures.webTraffic(WEEK2.plusDays(2), 40),
                    Fixtures.webQuality(WEEK1.plusDays(2), true), Fixtures.webQuality(WEEK2.plusDays(2), false),
                    Fixtures.contentMetrics("v1", WEEK1, 100)));

            List<Kpi> kpis = ChannelKpiQueries.on(warehouse).kpis(Period.days(WEEK1, WEEK2.plusDays(7)), Granularity.WEEK);

            assertThat(kpis).filteredOn(k -> k.channel().equals("website") && k.bucket().equals(WEEK1))
                    .isNotEmpty().allSatisfy(k -> assertThat(k.caveats()).containsExactly(DataCaveat.THRESHOLDED));
            assertThat(kpis).filteredOn(k -> k.channel().equals("website") && k.bucket().equals(WEEK2))
                    .allSatisfy(k -> assertThat(k.caveats()).isEmpty());
            assertThat(kpis).filteredOn(k -> k.channel().equals("tiktok")).allSatisfy(k -> assertThat(k.caveats()).isEmpty());
        }
    }

    @OnEachDatabase
    void sales_kpis_are_per_currency(TestDatabase db) {
        List<Kpi> kpis = weekly(db);

        assertValue(kpi(kpis, "sales", "orders", "EUR", WEEK1), "2");
        assertValue(kpi(kpis, "sales", "revenue", "EUR", WEEK1), "40.00");
        assertValue(kpi(kpis, "sales", "average_order_value", "EUR", WEEK1), "20");
        assertValue(kpi(kpis, "sales", "refunds", "EUR", WEEK1), "5.00");
        assertValue(kpi(kpis, "sales", "revenue", "EUR", WEEK2), "60.00");
        assertValue(kpi(kpis, "sales", "revenue", "USD", WEEK2), "99.00");
        assertValue(kpi(kpis, "sales", "revenue", "USD", WEEK1), "0");
        assertThat(kpis).filteredOn(k -> k.name().equals("revenue") && k.currency().equals(Optional.of("EUR"))
                && k.bucket().equals(WEEK2)).singleElement().satisfies(k -> assertValue(k.change(), "0.5"));
    }
}
