package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * A conversion that attribution credits: every order (at its net revenue), or one a host records itself.
 *
 * @param customerKey     the customer, or null for a guest (never matched to a touch)
 * @param revenue         not negative
 * @param conversionType  e.g. {@code order}, {@code signup}
 */
public record Conversion(String sourcePlatform, String externalId, CustomerKey customerKey, Instant occurredAt,
                         Money revenue, String conversionType) implements WarehouseRecord {
    @Override
    public String describe() {
        return "Conversion[" + sourcePlatform + "/" + externalId + "]";
    }
}
