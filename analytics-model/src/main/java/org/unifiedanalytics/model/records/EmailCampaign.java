package org.unifiedanalytics.model.records;

import java.time.Instant;

/** An email campaign as the email platform describes it. */
public record EmailCampaign(String platform, String campaignId, String accountId, String name, String subject,
                            String status, Instant sendTime, Instant updatedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "EmailCampaign[" + platform + "/" + campaignId + "]";
    }
}
