package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How many distinct customers reached a step of a journey funnel, with PostHog-style rates: overall
 * (over step 1) and from the previous step; for step 1 the previous step is itself. A rate is empty when
 * its denominator is 0.
 */
public record JourneyStepResult(int position, String name, long customers, Optional<BigDecimal> conversionRateOverall,
                                Optional<BigDecimal> conversionRateFromPrevious, long dropOff,
                                Optional<BigDecimal> dropOffRate) {
}
