package org.unifiedanalytics.query;

import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;

/**
 * The journey funnel on H2: one pass over the matching touches in customer order (the customer-time index gives the
 * order without a sort), each customer's events walked in memory by {@link JourneyWalk}. Conversions, when a step is
 * a purchase, are read first and kept by customer (a tenth of the touches, typically). Memory holds one customer's
 * events and the conversions, never all the touches.
 */
final class JourneyScan {
    private static final int FETCH_SIZE = 10_000;

    private final DSLContext dsl;

    JourneyScan(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Walks every customer with a matching event, telling {@code outcomes} each one's outcome. */
    void scan(List<JourneyStep> steps, Field<Integer> stepOf, JourneyWalk walk, Consumer<JourneyWalk.Outcome> outcomes) {
        Map<String, List<JourneyWalk.Event>> conversions = conversions(steps);
        Set<String> types = new LinkedHashSet<>();
        steps.forEach(s -> types.addAll(s.eventTypes()));
        types.remove(JourneyStep.PURCHASE);
        String current = null;
        List<JourneyWalk.Event> events = new ArrayList<>();
        try (Cursor<Record5<String, LocalDateTime, Integer, Long, String>> touches = dsl
                .select(TOUCHPOINT.CUSTOMER_KEY, TOUCHPOINT.OCCURRED_AT, stepOf, TOUCHPOINT.TOUCHPOINT_ID, TOUCHPOINT.CHANNEL_GROUP)
                .from(TOUCHPOINT).where(TOUCHPOINT.TOUCH_TYPE.in(types))
                .orderBy(TOUCHPOINT.CUSTOMER_KEY).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record5<String, LocalDateTime, Integer, Long, String> touch : touches) {
                if (!touch.value1().equals(current)) {
                    finish(current, events, conversions, walk, outcomes);
                    current = touch.value1();
                    events = new ArrayList<>();
                }
                if (touch.value3() > 0) {
                    events.add(new JourneyWalk.Event(touch.value2(), touch.value3(), touch.value4(), touch.value5()));
                }
            }
        }
        finish(current, events, conversions, walk, outcomes);
        // customers with conversions and no matching touch
        for (List<JourneyWalk.Event> only : conversions.values()) {
            outcomes.accept(walk.walk(only));
        }
    }

    private static void finish(String customer, List<JourneyWalk.Event> events, Map<String, List<JourneyWalk.Event>> conversions,
                               JourneyWalk walk, Consumer<JourneyWalk.Outcome> outcomes) {
        if (customer == null) {
            return;
        }
        List<JourneyWalk.Event> bought = conversions.remove(customer);
        if (bought != null) {
            events.addAll(bought);
        }
        if (!events.isEmpty()) {
            outcomes.accept(walk.walk(events));
        }
    }

    private Map<String, List<JourneyWalk.Event>> conversions(List<JourneyStep> steps) {
        Map<String, List<JourneyWalk.Event>> byCustomer = new HashMap<>();
        int purchaseStep = 0;
        for (int j = 0; j < steps.size(); j++) {
            if (steps.get(j).eventTypes().contains(JourneyStep.PURCHASE)) {
                purchaseStep = j + 1;
            }
        }
        if (purchaseStep == 0) {
            return byCustomer;
        }
        int step = purchaseStep;
        try (var cursor = dsl.select(CONVERSION.CUSTOMER_KEY, CONVERSION.OCCURRED_AT, CONVERSION.CONVERSION_ID).from(CONVERSION)
                .where(CONVERSION.CUSTOMER_KEY.isNotNull()).fetchSize(FETCH_SIZE).fetchLazy()) {
            cursor.forEach(c -> byCustomer.computeIfAbsent(Objects.requireNonNull(c.value1()), k -> new ArrayList<>())
                    .add(new JourneyWalk.Event(c.value2(), step, -c.value3(), null)));
        }
        return byCustomer;
    }
}
