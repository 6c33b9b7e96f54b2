package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.Money;

/**
 * The session a web-analytics platform saw a purchase in: the purchase's transaction id (the store's order id or
 * number, when the store sends it) and where the session came from. It names no person: it becomes a customer's
 * touchpoint only when the transaction id is an order whose customer the store knows.
 *
 * @param purchasedAt the minute of the purchase (the platform reports no finer), as an instant
 */
public record WebPurchaseSession(String platform, String propertyId, String transactionId, Instant purchasedAt,
                                 String source, String medium, String campaign, ChannelGroup channelGroup,
                                 String platformChannelGroup, Money revenue, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "WebPurchaseSession[" + platform + "/" + propertyId + "/" + transactionId + "]";
    }
}
