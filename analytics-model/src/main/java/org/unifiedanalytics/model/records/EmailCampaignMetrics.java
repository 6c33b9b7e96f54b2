package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.values.Money;

/** An email campaign's metrics for one reporting date, as lifetime totals or the day's increase. */
public record EmailCampaignMetrics(String platform, String campaignId, LocalDate reportDate, String accountId,
                                   Counting counting, Long recipients, Long delivered, Long opens, Long uniqueOpens,
                                   Long clicks, Long uniqueClicks, Long conversions, Money conversionValue,
                                   Long unsubscribes, Long bounces, Long spamComplaints, Instant fetchedAt)
        implements WarehouseRecord {
    @Override
    public String describe() {
        return "EmailCampaignMetrics[" + platform + "/" + campaignId + "@" + reportDate + "]";
    }
}
