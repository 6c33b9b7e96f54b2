package org.unifiedanalytics.query;

import java.time.Duration;

/**
 * What {@link AttributionQueries#refresh()} did.
 *
 * @param unitsComputed          ways of crediting (model, grouping, settings) computed for the first time
 * @param conversionsRecomputed  conversions whose credits were computed again because their inputs changed
 * @param took                   how long it took, waiting for the maintenance lock included
 */
public record AttributionRefresh(int unitsComputed, long conversionsRecomputed, Duration took) {
}
