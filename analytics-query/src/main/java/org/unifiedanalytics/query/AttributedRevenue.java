package org.unifiedanalytics.query;

import java.math.BigDecimal;

/**
 * One row of attribution: the conversions and revenue a group earned under a model, in one currency.
 * Revenue is never summed across currencies.
 *
 * @param groupKey               the channel, {@code channel / campaign}, or content id; {@code (direct)} for
 *                               conversions with no touch in their lookback
 * @param attributedConversions  the sum of the group's fractional credits
 * @param attributedRevenue      the group's share of revenue, exact to 0.0001 (largest-remainder split)
 */
public record AttributedRevenue(AttributionModel model, String currency, String groupKey,
                                BigDecimal attributedConversions, BigDecimal attributedRevenue) {
}
