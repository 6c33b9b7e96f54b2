package org.unifiedanalytics.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.unifiedanalytics.model.values.CustomerKey;

/**
 * Touchpoints or conversions of one customer changed, at or after an instant: the attribution credits of that
 * customer's conversions from then on may differ. {@link Warehouse#write} records these itself; a host that writes
 * touchpoints or conversions with its own SQL tells the warehouse through
 * {@link WarehouseTransaction#markAttributionInputsChanged}.
 *
 * @param customer the customer, or empty for conversions without a customer
 * @param from     the earliest instant of a touch or conversion written, before or after the change
 */
public record AttributionInputChange(Optional<CustomerKey> customer, Instant from) {

    public AttributionInputChange {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(from, "from");
    }

    public static AttributionInputChange of(CustomerKey customer, Instant from) {
        return new AttributionInputChange(Optional.of(customer), from);
    }

    public static AttributionInputChange withoutCustomer(Instant from) {
        return new AttributionInputChange(Optional.empty(), from);
    }
}
