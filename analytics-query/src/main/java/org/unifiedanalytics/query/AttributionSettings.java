package org.unifiedanalytics.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.unifiedanalytics.model.ConfigurationException;

/**
 * How conversions are credited: the lookback window, the time-decay half-life, an optional cap on the
 * touches of a path, and an optional set of eligible touch types. Defaults: 30 days, 7 days, no cap, all
 * touch types.
 *
 * <pre>{@code
 * AttributionSettings settings = AttributionSettings.builder().lookback(Duration.ofDays(14)).maxTouches(10).build();
 * }</pre>
 *
 * @param maxTouches keep only the most recent N touches of a path; 0 = all
 * @param touchTypes the touch types that count as touches; empty = all
 */
public record AttributionSettings(Duration lookback, Duration halfLife, int maxTouches, Set<String> touchTypes) {

    public static final AttributionSettings DEFAULTS = builder().build();

    public AttributionSettings {
        touchTypes = Set.copyOf(touchTypes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds settings; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private Duration lookback = Duration.ofDays(30);
        private Duration halfLife = Duration.ofDays(7);
        private int maxTouches;
        private Set<String> touchTypes = Set.of();

        private Builder() {
        }

        public Builder lookback(Duration lookback) {
            this.lookback = lookback;
            return this;
        }

        public Builder halfLife(Duration halfLife) {
            this.halfLife = halfLife;
            return this;
        }

        public Builder maxTouches(int maxTouches) {
            this.maxTouches = maxTouches;
            return this;
        }

        public Builder touchTypes(Set<String> touchTypes) {
            this.touchTypes = Objects.requireNonNull(touchTypes, "touchTypes");
            return this;
        }

        public AttributionSettings build() {
            List<String> problems = new ArrayList<>();
            if (lookback == null || lookback.isNegative() || lookback.isZero() || lookback.toNanos() % 1_000_000_000 != 0) {
                problems.add("lookback must be a positive duration in whole seconds, got " + lookback);
            }
            if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
                problems.add("halfLife must be a positive duration, got " + halfLife);
            }
            if (maxTouches < 0) {
                problems.add("maxTouches must be 0 (no cap) or more, got " + maxTouches);
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("attribution settings", problems);
            }
            return new AttributionSettings(lookback, halfLife, maxTouches, touchTypes);
        }
    }
}
