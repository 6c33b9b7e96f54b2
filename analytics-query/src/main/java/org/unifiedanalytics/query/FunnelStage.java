package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One stage of the 7-stage marketing funnel. The value is a count of events of different kinds per
 * stage, so a rate may exceed 1 and a drop-off may be negative (more sessions than profile visits).
 *
 * @param rateFromPrevious this stage's value over the previous one's (empty for the first, or a zero denominator)
 * @param rateFromFirst    this stage's value over the first one's
 * @param dropOff          the previous value less this one (empty for the first)
 * @param dropOffRate      1 less {@code rateFromPrevious}
 */
public record FunnelStage(int position, String name, long value, Optional<BigDecimal> rateFromPrevious,
                          Optional<BigDecimal> rateFromFirst, Optional<Long> dropOff, Optional<BigDecimal> dropOffRate) {
}
