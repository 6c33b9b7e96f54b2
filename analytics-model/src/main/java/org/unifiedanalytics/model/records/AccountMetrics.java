package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's metrics for one reporting date, as the day's own values; {@code followers} is the
 * follower count at the end of the day. Any metric the platform does not report is null.
 */
public record AccountMetrics(String platform, String accountId, LocalDate reportDate, Long followers,
                             Long followersGained, Long followersLost, Long profileViews, Long videoViews,
                             Long likes, Long comments, Long shares, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "AccountMetrics[" + platform + "/" + accountId + "@" + reportDate + "]";
    }
}
