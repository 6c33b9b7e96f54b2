package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.Money;

/** One refund of an order; an order refunded twice has two. */
public record OrderRefund(String sourcePlatform, String orderId, String refundId, Instant createdAt, Money amount,
                          String reason) implements WarehouseRecord {
    @Override
    public String describe() {
        return "OrderRefund[" + sourcePlatform + "/" + orderId + "/" + refundId + "]";
    }
}
