package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.CustomerKey;

/** Which customer a platform's own user id belongs to. */
public record IdentityLink(String sourcePlatform, String sourceUserId, CustomerKey customerKey, Instant linkedAt)
        implements WarehouseRecord {
    @Override
    public String describe() {
        return "IdentityLink[" + sourcePlatform + "/" + sourceUserId + "]";
    }
}
