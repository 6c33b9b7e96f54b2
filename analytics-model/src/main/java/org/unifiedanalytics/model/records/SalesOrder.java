package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * An order from a store, with its amounts in the order's currency and what the store knows of where the
 * buyer came from. All amounts must share one currency.
 *
 * @param sourcePlatform      e.g. {@code shopify}, {@code tiktok_shop}
 * @param orderId             the platform's id of the order, unique on that platform
 * @param subtotal            line totals before order-level discounts, shipping and tax
 * @param total               what the buyer paid
 * @param refunded            the sum of refunds so far (zero when none)
 * @param customerKey         the buyer, or null for a guest the store cannot identify
 * @param utm                 the UTM parameters of the order's visit ({@link Utm#NONE} when unknown)
 * @param attributedContentId the content the platform credits with the sale (TikTok Shop's video id), or null
 */
public record SalesOrder(String sourcePlatform, String orderId, String storeId, String orderNumber, Instant createdAt,
                         Instant updatedAt, Instant cancelledAt, String financialStatus, String fulfillmentStatus,
                         Money subtotal, Money discounts, Money shipping, Money tax, Money total, Money refunded,
                         CustomerKey customerKey, Utm utm, String referringSite, String landingPage,
                         String attributedContentId) implements WarehouseRecord {
    @Override
    public String describe() {
        return "SalesOrder[" + sourcePlatform + "/" + orderId + "]";
    }

    /** What the order is worth after refunds: the total less what was refunded. */
    public Money netRevenue() {
        return total.minus(refunded);
    }
}
