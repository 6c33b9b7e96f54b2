package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/**
 * An account or property on a source: a TikTok account, a GA4 property, a Klaviyo account, a store.
 *
 * @param platform  the source platform, e.g. {@code tiktok}, {@code ga4}, {@code shopify}
 * @param accountId the platform's own id of the account, kept as text
 * @param timeZone  the zone in which the platform reports dates for this account
 * @param currency  the account's reporting currency, or null when it has none
 */
public record SourceAccount(String platform, String accountId, String name, String username, ZoneId timeZone,
                            Currency currency, Instant updatedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "SourceAccount[" + platform + "/" + accountId + "]";
    }
}
