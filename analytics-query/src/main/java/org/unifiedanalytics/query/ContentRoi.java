package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A piece of content's reach next to what it earned: its views and engagements in the period, and the
 * conversions and revenue attribution credits to it (per currency; empty when nothing was credited).
 */
public record ContentRoi(String contentId, Optional<String> title, long views, long engagements,
                         Optional<String> currency, BigDecimal attributedConversions, BigDecimal attributedRevenue) {
}
