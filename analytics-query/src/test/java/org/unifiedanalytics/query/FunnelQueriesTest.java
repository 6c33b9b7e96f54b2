package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

class FunnelQueriesTest {
    private static final Period MAY = Period.days(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1));

    private static AttributionFixture brand() {
        AttributionFixture f = new AttributionFixture();
        for (int i = 0; i < 10; i++) {
            f.event("a", "2024-05-02T10:%02d:00Z".formatted(i), "video_view", i < 6 ? "tiktok" : "instagram");
        }
        f.event("a", "2024-05-02T11:00:00Z", "like", "tiktok").event("b", "2024-05-02T11:00:00Z", "like", "tiktok")
                .event("b", "2024-05-02T11:01:00Z", "like", "tiktok").event("c", "2024-05-02T11:00:00Z", "like", "instagram")
                .event("c", "2024-05-02T11:02:00Z", "comment", "tiktok")
                .event("a", "2024-05-03T09:00:00Z", "profile_visit", "tiktok").event("b", "2024-05-03T09:00:00Z", "profile_visit", "tiktok")
                .event("c", "2024-05-03T09:00:00Z", "profile_visit", "instagram").event("a", "2024-05-03T09:30:00Z", "product_click", "tiktok_shop");
        for (int i = 0; i < 5; i++) {
            f.event(i < 3 ? "a" : "b", "2024-05-04T1%d:00:00Z".formatted(i), "session", i < 4 ? "tiktok" : "email");
        }
        f.event("a", "2024-05-04T12:30:00Z", "add_to_cart", "tiktok").event("b", "2024-05-04T14:30:00Z", "add_to_cart", "email")
                .event("a", "2024-05-04T12:40:00Z", "checkout", "tiktok")
                .event("a", "2024-04-01T00:00:00Z", "video_view", "tiktok");   // outside May
        return f.conversion("a", "2024-04-20T00:00:00Z", "10.0000")             // a's first order, before May
                .conversion("a", "2024-05-05T00:00:00Z", "20.0000")             // a buys again in May: loyalty
                .conversion("b", "2024-05-05T00:00:00Z", "15.0000")
                .conversion(null, "2024-05-06T00:00:00Z", "5.0000");            // a guest
    }

    private static MarketingFunnel funnel(TestDatabase db, AttributionFixture fixture, Optional<String> channel) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            fixture.writeTo(warehouse);
            return FunnelQueries.on(warehouse).marketingFunnel(MAY, channel, FunnelDefinition.DEFAULT, FunnelSource.TOUCHPOINTS);
        }
    }

    @OnEachDatabase
    void every_rate_of_the_funnel_has_the_documented_scale(TestDatabase db) {
        MarketingFunnel funnel = funnel(db, brand(), Optional.empty());

        assertThat(funnel.repeatPurchaseRate()).hasValue(new BigDecimal("0.500000"));
        List<BigDecimal> rates = funnel.stages().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.rateFromPrevious(), s.rateFromFirst(), s.dropOffRate()))
                .flatMap(Optional::stream).toList();
        assertThat(rates).as("all but the first stage's rate from the previous and drop-off").hasSize(19).allSatisfy(rate -> assertThat(rate.scale()).isEqualTo(Scales.RATE));
    }

    @OnEachDatabase
    void the_marketing_funnel_counts_each_stage_of_the_period(TestDatabase db) {
        MarketingFunnel funnel = funnel(db, brand(), Optional.empty());

        assertThat(funnel.stages()).extracting(FunnelStage::name, FunnelStage::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("awareness", 10L), org.assertj.core.groups.Tuple.tuple("engagement", 5L),
                org.assertj.core.groups.Tuple.tuple("interest", 4L), org.assertj.core.groups.Tuple.tuple("consideration", 5L),
                org.assertj.core.groups.Tuple.tuple("intent", 3L), org.assertj.core.groups.Tuple.tuple("conversion", 3L),
                org.assertj.core.groups.Tuple.tuple("loyalty", 1L));
        assertThat(funnel.purchasingCustomers()).isEqualTo(2);
        assertThat(funnel.repeatPurchaseRate()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.5"));
    }

    /**
     * The tests run in Pacific/Auckland, where local time skips 02:00-03:00 on 2026-09-27: a period bound of 02:30
     * UTC that went through {@code java.sql.Timestamp} became 03:30 and left out an order at 02:45.
     */
    @OnEachDatabase
    void a_period_starting_in_the_jvm_zones_spring_forward_gap_counts_what_follows_its_start(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture().conversion("a", "2026-09-01T00:00:00Z", "10.0000")
                .conversion("a", "2026-09-27T02:45:00Z", "20.0000");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            fixture.writeTo(warehouse);

            MarketingFunnel funnel = FunnelQueries.on(warehouse).marketingFunnel(new Period(java.time.Instant.parse(
                    "2026-09-27T02:30:00Z"), java.time.Instant.parse("2026-09-28T00:00:00Z")), Optional.empty(),
                    FunnelDefinition.DEFAULT, FunnelSource.TOUCHPOINTS);

            assertThat(funnel.stage("conversion").value()).isEqualTo(1L);
            assertThat(funnel.stage("loyalty").value()).as("a's second order, at 02:45").isEqualTo(1L);
        }
    }

    @OnEachDatabase
    void stage_rates_are_ratios_of_counts_and_may_exceed_one(TestDatabase db) {
        MarketingFunnel funnel = funnel(db, brand(), Optional.empty());

        FunnelStage consideration = funnel.stage("consideration");
        assertThat(consideration.rateFromPrevious()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1.25"));
        assertThat(consideration.dropOff()).contains(-1L);
        assertThat(consideration.dropOffRate()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("-0.25"));
        assertThat(funnel.stage("intent").rateFromFirst()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.3"));
        assertThat(funnel.stage("awareness").rateFromPrevious()).isEmpty();
        assertThat(funnel.stage("awareness").rateFromFirst()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1"));
    }

    @OnEachDatabase
    void a_channel_funnel_counts_its_touches_and_the_orders_credited_to_it(TestDatabase db) {
        MarketingFunnel tiktok = funnel(db, brand(), Optional.of("tiktok"));

        // b's last non-direct touch before the order is an email session: b's order is email's, a's is tiktok's.
        assertThat(tiktok.stages()).extracting(FunnelStage::value).containsExactly(6L, 4L, 2L, 4L, 2L, 1L, 1L);
    }

    @OnEachDatabase
    void an_empty_period_gives_zeros_and_no_rates(TestDatabase db) {
        MarketingFunnel funnel = funnel(db, new AttributionFixture(), Optional.empty());

        assertThat(funnel.stages()).allSatisfy(s -> {
            assertThat(s.value()).isZero();
            assertThat(s.rateFromPrevious()).isEmpty();
        });
        assertThat(funnel.repeatPurchaseRate()).isEmpty();
    }

    private static final List<JourneyStep> VIEW_VISIT_BUY = List.of(JourneyStep.of("saw a video", "video_view"),
            JourneyStep.of("visited the shop", "session"), JourneyStep.of("bought", JourneyStep.PURCHASE));

    @OnEachDatabase
    void a_journey_counts_customers_at_the_furthest_step_of_their_best_attempt(TestDatabase db) {
        AttributionFixture f = new AttributionFixture()
                // a: the whole journey
                .event("a", "2024-05-01T00:00:00Z", "video_view", "tiktok").event("a", "2024-05-02T00:00:00Z", "session", "tiktok")
                .conversion("a", "2024-05-03T00:00:00Z", "1.0000")
                // b: the first view timed out, a later one carries the visit
                .event("b", "2024-05-01T00:00:00Z", "video_view", "tiktok").event("b", "2024-05-16T00:00:00Z", "video_view", "tiktok")
                .event("b", "2024-05-21T00:00:00Z", "session", "tiktok")
                // c: no step 1
                .event("c", "2024-05-02T00:00:00Z", "session", "tiktok")
                // d: view and visit at the same instant
                .event("d", "2024-05-02T00:00:00Z", "video_view", "tiktok").event("d", "2024-05-02T00:00:00Z", "session", "tiktok")
                // e: the purchase at the view's instant comes before the visit: it cannot be step 3
                .event("e", "2024-05-02T00:00:00Z", "video_view", "tiktok").conversion("e", "2024-05-02T00:00:00Z", "1.0000")
                .event("e", "2024-05-02T01:00:00Z", "session", "tiktok")
                // f: the view is before the entry range
                .event("f", "2024-04-25T00:00:00Z", "video_view", "tiktok").event("f", "2024-05-02T00:00:00Z", "session", "tiktok")
                // g: the visit exactly 14 days after the view still counts
                .event("g", "2024-05-01T00:00:00Z", "video_view", "tiktok").event("g", "2024-05-15T00:00:00Z", "session", "tiktok");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            f.writeTo(warehouse);

            List<JourneyStepResult> journey = FunnelQueries.on(warehouse).journey(VIEW_VISIT_BUY, Duration.ofDays(14), MAY);

            assertThat(journey).extracting(JourneyStepResult::customers).containsExactly(5L, 5L, 1L);
            assertThat(journey.get(2).conversionRateOverall()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.2"));
            assertThat(journey.get(2).dropOff()).isEqualTo(4);
            assertThat(journey.get(0).conversionRateFromPrevious()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1"));
            assertThat(journey.get(0).dropOff()).isZero();
        }
    }

    @OnEachDatabase
    void a_journey_breaks_down_by_the_channel_group_of_the_best_attempts_start(TestDatabase db) {
        var social = org.unifiedanalytics.model.values.ChannelGroup.ORGANIC_SOCIAL;
        var email = org.unifiedanalytics.model.values.ChannelGroup.EMAIL;
        AttributionFixture f = new AttributionFixture()
                .event("a", "2024-05-01T00:00:00Z", "video_view", "tiktok", social).event("a", "2024-05-02T00:00:00Z", "session", "tiktok", social)
                // b: the email attempt times out; the later social one reaches the visit
                .event("b", "2024-05-01T00:00:00Z", "video_view", "email", email).event("b", "2024-05-21T00:00:00Z", "video_view", "tiktok", social)
                .event("b", "2024-05-22T00:00:00Z", "session", "tiktok", social)
                .event("c", "2024-05-01T00:00:00Z", "video_view", "email", email)
                // d: both attempts reach the visit; the latest start (email) is the bucket
                .event("d", "2024-05-01T00:00:00Z", "video_view", "tiktok", social).event("d", "2024-05-01T01:00:00Z", "video_view", "email", email)
                .event("d", "2024-05-01T02:00:00Z", "session", "tiktok", social);
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            f.writeTo(warehouse);

            var buckets = FunnelQueries.on(warehouse).journeyByChannelGroup(List.of(JourneyStep.of("view", "video_view"),
                    JourneyStep.of("visit", "session")), Duration.ofDays(14), MAY);

            assertThat(buckets).containsOnlyKeys("Email", "Organic Social");
            assertThat(buckets.get("Organic Social")).extracting(JourneyStepResult::customers).containsExactly(2L, 2L);
            assertThat(buckets.get("Email")).extracting(JourneyStepResult::customers).containsExactly(2L, 1L);
        }
    }

    @OnEachDatabase
    void a_step_can_be_restricted_to_channels(TestDatabase db) {
        AttributionFixture f = new AttributionFixture()
                .event("a", "2024-05-01T00:00:00Z", "video_view", "tiktok").event("a", "2024-05-02T00:00:00Z", "session", "email")
                .event("b", "2024-05-01T00:00:00Z", "video_view", "instagram").event("b", "2024-05-02T00:00:00Z", "session", "email");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            f.writeTo(warehouse);

            List<JourneyStepResult> journey = FunnelQueries.on(warehouse).journey(List.of(
                    new JourneyStep("tiktok view", Set.of("video_view"), Set.of("tiktok")), JourneyStep.of("visit", "session")),
                    Duration.ofDays(14), MAY);

            assertThat(journey).extracting(JourneyStepResult::customers).containsExactly(1L, 1L);
        }
    }

    @Test
    void steps_that_could_match_one_event_are_refused() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            FunnelQueries funnels = FunnelQueries.on(test.migrated());

            assertThatThrownBy(() -> funnels.journey(List.of(JourneyStep.of("a", "session"), JourneyStep.of("b", "session")),
                    Duration.ofDays(1), MAY)).hasMessageContaining("'a' and 'b' could both match");
            assertThatThrownBy(() -> funnels.journey(List.of(JourneyStep.of("a", "session")), Duration.ofDays(1), MAY))
                    .hasMessageContaining("at least two steps");
        }
    }

    @Test
    void daily_metrics_have_no_channel_to_filter_by() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            FunnelQueries funnels = FunnelQueries.on(test.migrated());

            assertThatThrownBy(() -> funnels.marketingFunnel(MAY, Optional.of("tiktok"), FunnelDefinition.DEFAULT,
                    FunnelSource.DAILY_METRICS)).hasMessageContaining("TOUCHPOINTS");
            assertThat(funnels.marketingFunnel(MAY, Optional.empty(), FunnelDefinition.DEFAULT, FunnelSource.DAILY_METRICS)
                    .stage("awareness").value()).isZero();
        }
    }
}
