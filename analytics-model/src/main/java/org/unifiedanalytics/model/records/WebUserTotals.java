package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A property's distinct users over one exact period, as the platform counted them. User counts are not
 * additive: the users of a week are not the sum of its days, so each period is asked for and stored whole.
 *
 * @param periodStart the period's first reporting date
 * @param periodEnd   its last reporting date (inclusive); equal to {@code periodStart} for one day
 */
public record WebUserTotals(String platform, String propertyId, LocalDate periodStart, LocalDate periodEnd,
                            Long totalUsers, Long newUsers, Long activeUsers, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "WebUserTotals[" + platform + "/" + propertyId + " " + periodStart + ".." + periodEnd + "]";
    }
}
