package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * Random journeys, with ties in time everywhere: the journey funnel and its breakdown by channel group agree with a
 * brute-force reading of the specification (every attempt from every step-1 event in the entry period, each extended
 * greedily), on PostgreSQL (the SQL) and on H2 (the in-memory walk).
 */
class JourneyAgainstReferenceTest {
    private static final String[] TYPES = {"video_view", "session", "add_to_cart", "like"};
    private static final String[] CHANNELS = {"tiktok", "email", "direct", "organic_search"};
    private static final ChannelGroup[] GROUPS = {ChannelGroup.ORGANIC_SOCIAL, ChannelGroup.DIRECT, ChannelGroup.UNASSIGNED};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);
    private static final Period ENTRY = Period.days(java.time.LocalDate.parse("2026-01-05"), java.time.LocalDate.parse("2026-01-30"));

    private static final List<JourneyStep> VIEW_VISIT_CART_BUY = List.of(JourneyStep.of("view", "video_view"),
            new JourneyStep("visit", Set.of("session"), Set.of("email", "tiktok")), JourneyStep.of("cart", "add_to_cart"),
            JourneyStep.of("buy", JourneyStep.PURCHASE));
    private static final List<JourneyStep> BUY_THEN_VISIT = List.of(JourneyStep.of("buy", JourneyStep.PURCHASE),
            JourneyStep.of("visit", "session"));

    /** An event as the reference sees it: its id orders ties as the warehouse's ids do (conversions negative). */
    private record Event(String customer, Instant at, String type, String channel, String group, long id) {
    }

    private static List<Event> generate(List<WarehouseRecord> records) {
        Random random = new Random(20261206);
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            String customer = "c" + random.nextInt(60);
            // whole hours of 40 days, few of them: equal timestamps are common
            Instant at = START.plus(Duration.ofDays(random.nextInt(40))).plus(Duration.ofHours(random.nextInt(3)));
            String type = TYPES[random.nextInt(TYPES.length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            ChannelGroup group = GROUPS[random.nextInt(GROUPS.length)];
            events.add(new Event(customer, at, type, channel, group.name(), i));
            records.add(new Touchpoint("test", "t" + i, CustomerKey.of(customer), at, type, channel, group, null, null, null, null));
        }
        for (int i = 1; i <= 400; i++) {
            String customer = random.nextInt(15) == 0 ? null : "c" + random.nextInt(70);
            Instant at = START.plus(Duration.ofDays(random.nextInt(40))).plus(Duration.ofHours(random.nextInt(3)));
            if (customer != null) {
                events.add(new Event(customer, at, JourneyStep.PURCHASE, null, null, -i));
            }
            records.add(new Conversion("test", "c" + i, customer == null ? null : CustomerKey.of(customer), at,
                    Money.of(BigDecimal.TEN, "EUR"), "order"));
        }
        return events;
    }

    /** The step an event matches, 1 to n, or 0. */
    private static int stepOf(List<JourneyStep> steps, Event event) {
        for (int j = 0; j < steps.size(); j++) {
            JourneyStep step = steps.get(j);
            boolean channel = step.channels().isEmpty() || (event.channel() != null && step.channels().contains(event.channel()));
            if (step.eventTypes().contains(event.type()) && channel) {
                return j + 1;
            }
        }
        return 0;
    }

    /** Per customer: the furthest step of the best attempt and the group of that attempt's start. */
    private static Map<String, Object[]> reference(List<JourneyStep> steps, List<Event> all) {
        Map<String, List<Event>> byCustomer = new TreeMap<>();
        all.forEach(e -> byCustomer.computeIfAbsent(e.customer(), c -> new ArrayList<>()).add(e));
        Map<String, Object[]> outcomes = new TreeMap<>();
        byCustomer.forEach((customer, events) -> {
            int furthest = 0;
            Event best = null;
            for (Event start : events) {
                if (stepOf(steps, start) != 1 || start.at().isBefore(ENTRY.from()) || !start.at().isBefore(ENTRY.to())) {
                    continue;
                }
                // greedy: the earliest next-step event at or after the last one reached, within the start's window
                Event reached = start;
                int step = 1;
                while (step < steps.size()) {
                    int next = step + 1;
                    Event current = reached;
                    Event found = events.stream().filter(e -> stepOf(steps, e) == next && !e.at().isBefore(current.at())
                                    && !e.at().isAfter(start.at().plus(WINDOW)))
                            .min(Comparator.comparing(Event::at)).orElse(null);
                    if (found == null) {
                        break;
                    }
                    reached = found;
                    step = next;
                }
                Comparator<Event> later = Comparator.comparing(Event::at).thenComparingLong(Event::id);
                if (step > furthest || step == furthest && later.compare(start, best) > 0) {
                    furthest = step;
                    best = start;
                }
            }
            if (furthest > 0) {
                outcomes.put(customer, new Object[]{furthest, best.group() == null ? "(none)" : best.group()});
            }
        });
        return outcomes;
    }

    private static List<Long> counts(int steps, Iterable<Object[]> outcomes) {
        long[] reached = new long[steps];
        for (Object[] outcome : outcomes) {
            for (int j = 0; j < (int) outcome[0]; j++) {
                reached[j]++;
            }
        }
        return java.util.Arrays.stream(reached).boxed().toList();
    }

    @OnEachDatabase
    void the_journey_and_its_breakdown_by_channel_group_match_the_reference(TestDatabase db) {
        List<WarehouseRecord> records = new ArrayList<>();
        List<Event> events = generate(records);
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            warehouse.write(records);
            FunnelQueries funnels = FunnelQueries.on(warehouse);

            for (List<JourneyStep> steps : List.of(VIEW_VISIT_CART_BUY, BUY_THEN_VISIT)) {
                Map<String, Object[]> expected = reference(steps, events);
                List<Long> expectedCounts = counts(steps.size(), expected.values());
                Map<String, List<Long>> expectedByGroup = new TreeMap<>();
                expected.values().stream().map(o -> (String) o[1]).distinct().forEach(group -> expectedByGroup.put(group,
                        counts(steps.size(), expected.values().stream().filter(o -> o[1].equals(group)).toList())));

                List<JourneyStepResult> journey = funnels.journey(steps, WINDOW, ENTRY);
                Map<String, List<JourneyStepResult>> byGroup = funnels.journeyByChannelGroup(steps, WINDOW, ENTRY);

                assertThat(expectedCounts.get(0)).as("customers who started").isGreaterThan(20);
                assertThat(expectedCounts.get(steps.size() - 1)).as("customers at the last step").isPositive();
                assertThat(journey).extracting(JourneyStepResult::customers).as(steps.get(0).name() + " journey")
                        .containsExactlyElementsOf(expectedCounts);
                Map<String, List<Long>> actualByGroup = new TreeMap<>();
                byGroup.forEach((group, results) -> actualByGroup.put(group,
                        results.stream().map(JourneyStepResult::customers).toList()));
                assertThat(actualByGroup).as(steps.get(0).name() + " journey by channel group").isEqualTo(expectedByGroup);
            }
        }
    }
}
