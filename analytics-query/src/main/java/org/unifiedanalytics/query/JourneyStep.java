package org.unifiedanalytics.query;

import java.util.Objects;
import java.util.Set;

/**
 * One step of a customer-journey funnel: the event types that count as reaching it (touch types, and
 * {@code purchase} for an identified customer's conversion), and optionally the channels they must come from.
 *
 * @param channels empty: any channel
 */
public record JourneyStep(String name, Set<String> eventTypes, Set<String> channels) {

    public static final String PURCHASE = "purchase";

    public JourneyStep {
        Objects.requireNonNull(name, "name");
        eventTypes = Set.copyOf(eventTypes);
        channels = Set.copyOf(channels);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("journey step '" + name + "' needs at least one event type");
        }
    }

    public static JourneyStep of(String name, String... eventTypes) {
        return new JourneyStep(name, Set.of(eventTypes), Set.of());
    }
}
