package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unifiedanalytics.query.AttributionModel.FIRST_TOUCH;
import static org.unifiedanalytics.query.AttributionModel.LAST_NON_DIRECT;
import static org.unifiedanalytics.query.AttributionModel.LAST_TOUCH;
import static org.unifiedanalytics.query.AttributionModel.LINEAR;
import static org.unifiedanalytics.query.AttributionModel.POSITION_BASED;
import static org.unifiedanalytics.query.AttributionModel.TIME_DECAY;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

/** The attribution specification's worked examples and nasty cases, hand-computed, on H2 and PostgreSQL. */
class AttributionQueriesTest {

    private static List<AttributedRevenue> attribute(TestDatabase database, AttributionFixture fixture, AttributionModel model,
                                                     GroupBy groupBy, AttributionSettings settings) {
        try (TestWarehouse test = database.open()) {
            Warehouse warehouse = test.migrated();
            fixture.writeTo(warehouse);
            return AttributionQueries.on(warehouse).revenue(model, groupBy, Period.all(), settings);
        }
    }

    private static List<AttributedRevenue> attribute(TestDatabase database, AttributionFixture fixture, AttributionModel model) {
        return attribute(database, fixture, model, GroupBy.CHANNEL, AttributionSettings.DEFAULTS);
    }

    private static Tuple row(String group, String conversions, String revenue) {
        return tuple(group, new BigDecimal(conversions).stripTrailingZeros(), new BigDecimal(revenue));
    }

    private static List<Tuple> rows(List<AttributedRevenue> result) {
        return result.stream().map(r -> tuple(r.groupKey(), r.attributedConversions().stripTrailingZeros(), r.attributedRevenue())).toList();
    }

    private static AttributionFixture tie() {
        return new AttributionFixture()
                .touch("k", "2024-05-01T10:00:00Z", "tiktok")
                .touch("k", "2024-05-01T10:00:00Z", "email")
                .touch("k", "2024-05-02T10:00:00Z", "instagram")
                .conversion("k", "2024-05-03T10:00:00Z", "100.0000");
    }

    @OnEachDatabase
    void touches_at_the_same_instant_are_ordered_by_touchpoint_id(TestDatabase db) {
        assertThat(rows(attribute(db, tie(), FIRST_TOUCH))).containsExactly(row("tiktok", "1", "100.0000"));
        assertThat(rows(attribute(db, tie(), POSITION_BASED))).containsExactly(
                row("email", "0.2", "20.0000"), row("instagram", "0.4", "40.0000"), row("tiktok", "0.4", "40.0000"));
    }

    private static AttributionFixture threeChannels(String revenue) {
        return new AttributionFixture()
                .touch("k", "2024-05-01T10:00:00Z", "tiktok")
                .touch("k", "2024-05-02T10:00:00Z", "email")
                .touch("k", "2024-05-03T10:00:00Z", "instagram")
                .conversion("k", "2024-05-04T10:00:00Z", revenue);
    }

    @OnEachDatabase
    void revenue_is_split_by_largest_remainder_with_ties_to_the_smaller_key(TestDatabase db) {
        assertThat(rows(attribute(db, threeChannels("10.0001"), LINEAR))).containsExactly(
                row("email", "0.333334", "3.3334"), row("instagram", "0.333333", "3.3334"),
                row("tiktok", "0.333333", "3.3333"));
        assertThat(rows(attribute(db, threeChannels("10.0001"), POSITION_BASED))).containsExactly(
                row("email", "0.2", "2.0000"), row("instagram", "0.4", "4.0001"), row("tiktok", "0.4", "4.0000"));
    }

    @OnEachDatabase
    void time_decay_halves_credit_every_half_life(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")    // 14 days before: weight 1/4
                .touch("k", "2024-05-08T00:00:00Z", "email")     // 7 days before: weight 1/2
                .conversion("k", "2024-05-15T00:00:00Z", "70.0000");

        assertThat(rows(attribute(db, fixture, TIME_DECAY))).containsExactly(
                row("email", "0.666667", "46.6667"), row("tiktok", "0.333333", "23.3333"));
    }

    @OnEachDatabase
    void a_touch_exactly_at_the_window_start_counts_and_one_microsecond_earlier_does_not(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-04-30T23:59:59.999999Z", "email")
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .conversion("k", "2024-05-31T00:00:00Z", "10.0000");

        assertThat(rows(attribute(db, fixture, FIRST_TOUCH))).containsExactly(row("tiktok", "1", "10.0000"));
    }

    @OnEachDatabase
    void a_touch_at_the_conversion_instant_is_not_credited(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-10T12:00:00Z", "tiktok")
                .conversion("k", "2024-05-10T12:00:00Z", "10.0000");

        assertThat(rows(attribute(db, fixture, LAST_TOUCH))).containsExactly(row("(direct)", "1", "10.0000"));
    }

    @OnEachDatabase
    void conversions_without_touches_and_guest_orders_go_to_direct_in_parentheses(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .conversion(null, "2024-05-02T00:00:00Z", "5.0000")
                .conversion("nobody", "2024-05-02T00:00:00Z", "6.0000");

        for (AttributionModel model : AttributionModel.values()) {
            assertThat(rows(attribute(db, fixture, model))).as(model.name()).containsExactly(row("(direct)", "2", "11.0000"));
        }
    }

    @OnEachDatabase
    void a_touch_can_be_credited_to_several_conversions_of_its_customer(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .conversion("k", "2024-05-02T00:00:00Z", "10.0000")
                .conversion("k", "2024-05-03T00:00:00Z", "20.0000");

        assertThat(rows(attribute(db, fixture, LAST_TOUCH))).containsExactly(row("tiktok", "2", "30.0000"));
    }

    @OnEachDatabase
    void a_zero_revenue_conversion_is_credited_as_usual(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .touch("k", "2024-05-01T01:00:00Z", "email")
                .conversion("k", "2024-05-02T00:00:00Z", "0.0000");

        assertThat(rows(attribute(db, fixture, LINEAR))).containsExactly(row("email", "0.5", "0.0000"),
                row("tiktok", "0.5", "0.0000"));
    }

    @OnEachDatabase
    void last_non_direct_skips_direct_unless_the_path_is_all_direct(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("a", "2024-05-01T00:00:00Z", "tiktok")
                .touch("a", "2024-05-01T01:00:00Z", "direct")
                .conversion("a", "2024-05-02T00:00:00Z", "10.0000")
                .touch("b", "2024-05-01T00:00:00Z", "direct")
                .touch("b", "2024-05-01T01:00:00Z", "direct")
                .conversion("b", "2024-05-02T00:00:00Z", "4.0000");

        assertThat(rows(attribute(db, fixture, LAST_NON_DIRECT))).containsExactly(row("direct", "1", "4.0000"),
                row("tiktok", "1", "10.0000"));
        assertThat(rows(attribute(db, fixture, LAST_TOUCH))).containsExactly(row("direct", "2", "14.0000"));
    }

    @OnEachDatabase
    void position_based_gives_one_touch_all_and_two_touches_half_each(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("one", "2024-05-01T00:00:00Z", "tiktok")
                .conversion("one", "2024-05-02T00:00:00Z", "9.0000")
                .touch("two", "2024-05-01T00:00:00Z", "email")
                .touch("two", "2024-05-01T01:00:00Z", "instagram")
                .conversion("two", "2024-05-02T00:00:00Z", "3.0001");

        assertThat(rows(attribute(db, fixture, POSITION_BASED))).containsExactly(row("email", "0.5", "1.5001"),
                row("instagram", "0.5", "1.5000"), row("tiktok", "1", "9.0000"));
    }

    @OnEachDatabase
    void a_path_of_more_than_fifty_touches_still_splits_exactly(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture();
        String[] channels = {"tiktok", "email", "instagram"};
        for (int i = 0; i < 61; i++) {
            fixture.touch("k", "2024-05-01T00:%02d:%02dZ".formatted(i / 60, i % 60), channels[i % 3]);
        }
        fixture.conversion("k", "2024-05-02T00:00:00Z", "100.0000");

        // 21 tiktok, 20 email, 20 instagram of 61: 100/61 = 1.6393442..., tiktok 34.4262..., the others 32.7868...
        assertThat(rows(attribute(db, fixture, LINEAR))).containsExactly(
                row("email", "0.327869", "32.7869"), row("instagram", "0.327869", "32.7869"),
                row("tiktok", "0.344262", "34.4262"));
        // position-based: first and last tiktok 40% each, 59 middle touches share 20%.
        List<AttributedRevenue> position = attribute(db, fixture, POSITION_BASED);
        assertThat(position.stream().map(AttributedRevenue::attributedRevenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.0000");
        assertThat(position).filteredOn(r -> r.groupKey().equals("tiktok")).singleElement()
                .satisfies(r -> assertThat(r.attributedRevenue()).isEqualByComparingTo("86.4407"));
    }

    @OnEachDatabase
    void a_path_cap_keeps_only_the_most_recent_touches(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .touch("k", "2024-05-01T01:00:00Z", "email")
                .touch("k", "2024-05-01T02:00:00Z", "instagram")
                .conversion("k", "2024-05-02T00:00:00Z", "10.0000");

        assertThat(rows(attribute(db, fixture, FIRST_TOUCH, GroupBy.CHANNEL,
                AttributionSettings.builder().maxTouches(2).build()))).containsExactly(row("email", "1", "10.0000"));
    }

    @OnEachDatabase
    void the_lookback_is_configurable(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .touch("k", "2024-05-20T00:00:00Z", "email")
                .conversion("k", "2024-05-25T00:00:00Z", "10.0000");

        assertThat(rows(attribute(db, fixture, FIRST_TOUCH, GroupBy.CHANNEL,
                AttributionSettings.builder().lookback(Duration.ofDays(7)).build()))).containsExactly(row("email", "1", "10.0000"));
    }

    @OnEachDatabase
    void results_are_grouped_by_channel_and_campaign_or_by_content(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok", "spring", "7311")
                .touch("k", "2024-05-01T01:00:00Z", "tiktok", null, "")
                .conversion("k", "2024-05-02T00:00:00Z", "10.0000");

        assertThat(rows(attribute(db, fixture, LINEAR, GroupBy.CHANNEL_CAMPAIGN, AttributionSettings.DEFAULTS)))
                .containsExactly(row("tiktok / (none)", "0.5", "5.0000"), row("tiktok / spring", "0.5", "5.0000"));
        assertThat(rows(attribute(db, fixture, LINEAR, GroupBy.CONTENT, AttributionSettings.DEFAULTS)))
                .containsExactly(row("(none)", "0.5", "5.0000"), row("7311", "0.5", "5.0000"));
    }

    @OnEachDatabase
    void currencies_are_never_added_together(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-05-01T00:00:00Z", "tiktok")
                .conversion("k", "2024-05-02T00:00:00Z", "10.0000", "EUR")
                .conversion("k", "2024-05-02T00:00:00Z", "7.0000", "USD");

        assertThat(attribute(db, fixture, LAST_TOUCH)).extracting(AttributedRevenue::currency, AttributedRevenue::attributedRevenue)
                .containsExactly(tuple("EUR", new BigDecimal("10.0000")), tuple("USD", new BigDecimal("7.0000")));
    }

    @OnEachDatabase
    void only_conversions_in_the_period_are_attributed_but_their_lookback_reaches_before_it(TestDatabase db) {
        AttributionFixture fixture = new AttributionFixture()
                .touch("k", "2024-04-25T00:00:00Z", "tiktok")
                .conversion("k", "2024-04-30T00:00:00Z", "1.0000")
                .conversion("k", "2024-05-02T00:00:00Z", "10.0000");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            fixture.writeTo(warehouse);

            List<AttributedRevenue> may = AttributionQueries.on(warehouse).revenue(LAST_TOUCH, GroupBy.CHANNEL,
                    Period.days(java.time.LocalDate.of(2024, 5, 1), java.time.LocalDate.of(2024, 6, 1)));

            assertThat(rows(may)).containsExactly(row("tiktok", "1", "10.0000"));
        }
    }

    @OnEachDatabase
    void content_roi_puts_a_videos_views_next_to_the_revenue_it_earned(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(List.of(org.unifiedanalytics.model.testing.Fixtures.content("7311", "Mug in 30 s"),
                    org.unifiedanalytics.model.testing.Fixtures.contentMetrics("7311", java.time.LocalDate.of(2024, 5, 1), 500),
                    org.unifiedanalytics.model.testing.Fixtures.contentMetrics("7322", java.time.LocalDate.of(2024, 5, 1), 50)));
            new AttributionFixture()
                    .touch("k", "2024-05-01T00:00:00Z", "tiktok", null, "7311")
                    .touch("k", "2024-05-01T01:00:00Z", "email", null, null)
                    .conversion("k", "2024-05-02T00:00:00Z", "30.0000").writeTo(warehouse);

            List<ContentRoi> roi = AttributionQueries.on(warehouse).contentRoi(LINEAR, Period.days(
                    java.time.LocalDate.of(2024, 5, 1), java.time.LocalDate.of(2024, 6, 1)), AttributionSettings.DEFAULTS);

            assertThat(roi).extracting(ContentRoi::contentId, ContentRoi::views, ContentRoi::attributedRevenue)
                    .containsExactly(tuple("7311", 500L, new BigDecimal("15.0000")), tuple("7322", 50L, new BigDecimal("0.0000")));
            assertThat(roi.get(0).title()).contains("Mug in 30 s");
            assertThat(roi.get(0).engagements()).isEqualTo(50 + 3 + 2 + 1);
        }
    }

    @OnEachDatabase
    void the_comparison_runs_every_model_on_the_same_conversions(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            threeChannels("10.0001").writeTo(warehouse);

            Map<AttributionModel, List<AttributedRevenue>> all = AttributionQueries.on(warehouse)
                    .compare(GroupBy.CHANNEL, Period.all(), AttributionSettings.DEFAULTS);

            assertThat(all).containsOnlyKeys(AttributionModel.values());
            assertThat(all.get(FIRST_TOUCH)).extracting(AttributedRevenue::groupKey).containsExactly("tiktok");
            assertThat(all.get(LAST_TOUCH)).extracting(AttributedRevenue::groupKey).containsExactly("instagram");
            all.forEach((model, rows) -> assertThat(rows).allSatisfy(r -> assertThat(r.model()).isEqualTo(model)));
        }
    }
}
