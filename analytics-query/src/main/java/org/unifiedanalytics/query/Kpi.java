package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One KPI of one channel for one period bucket, with its change from the previous bucket.
 *
 * @param channel   {@code tiktok}, {@code website}, {@code email}, {@code sales}
 * @param name      e.g. {@code views}, {@code engagement_rate}, {@code revenue}
 * @param currency  the currency of a money KPI, else empty: money is never added across currencies
 * @param value     empty when undefined (a rate over zero); rates at {@link Scales#RATE}, amounts per unit at {@link Scales#MONEY}
 * @param change    relative change from the previous bucket ({@code 0.250000} = +25%, at {@link Scales#RATE}), empty when either is missing or zero
 * @param caveats   why the value may be incomplete (a website KPI built on thresholded GA4 days says so); empty when none
 */
public record Kpi(LocalDate bucket, String channel, String name, Optional<String> currency, Optional<BigDecimal> value,
                  Optional<BigDecimal> change, java.util.Set<DataCaveat> caveats) {

    public Kpi {
        caveats = caveats.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(caveats));
    }

    /** A KPI without caveats. */
    public Kpi(LocalDate bucket, String channel, String name, Optional<String> currency, Optional<BigDecimal> value,
               Optional<BigDecimal> change) {
        this(bucket, channel, name, currency, value, change, java.util.Set.of());
    }
}
