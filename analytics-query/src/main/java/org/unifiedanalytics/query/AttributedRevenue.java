package org.unifiedanalytics.query;

import java.math.BigDecimal;

/**
 * One row of attribution: the conversions and revenue a group earned under a model, in one currency.
 * Revenue is never summed across currencies.
 *
 * @param groupKey               the channel, {@code channel / campaign}, or content id; {@code (direct)} for
 *                               conversions with no touch in their lookback
 * @param attributedConversions  the sum of the group's credits, at {@link Scales#CONVERSIONS} (6) decimal places: each
 *                               conversion's credits are split in millionths by the largest-remainder method, so they
 *                               add up to exactly 1, and a model's groups to exactly the number of conversions
 * @param attributedRevenue      the group's share of revenue, at {@link Scales#MONEY} (4) decimal places
 *                               (largest-remainder split)
 */
public record AttributedRevenue(AttributionModel model, String currency, String groupKey,
                                BigDecimal attributedConversions, BigDecimal attributedRevenue) {
}
