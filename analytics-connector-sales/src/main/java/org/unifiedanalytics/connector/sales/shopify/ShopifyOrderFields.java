package org.unifiedanalytics.connector.sales.shopify;

/** The fields read of an order and of its line items: one list for paged queries and bulk operations alike. */
final class ShopifyOrderFields {
    private static final String MONEY = "{ shopMoney { amount currencyCode } }";
    private static final String VISIT = "{ occurredAt landingPage referrerUrl utmParameters { source medium campaign content term } }";

    /** An order's own fields; its line items are a connection, selected apart. */
    static final String ORDER = "id legacyResourceId name createdAt updatedAt cancelledAt test currencyCode"
            + " displayFinancialStatus displayFulfillmentStatus email"
            + " totalPriceSet " + MONEY + " subtotalPriceSet " + MONEY + " totalDiscountsSet " + MONEY + " totalTaxSet " + MONEY
            + " totalShippingPriceSet " + MONEY + " totalRefundedSet " + MONEY + " currentTotalPriceSet " + MONEY
            + " customerJourneySummary { ready firstVisit " + VISIT + " lastVisit " + VISIT + " }"
            + " refunds { id createdAt totalRefundedSet " + MONEY + " }";

    /**
     * A line item's fields. {@code discountedTotalSet} holds only the discounts applied to the line itself; an
     * order-level discount reaches the line through its {@code discountAllocations}.
     */
    static final String LINE_ITEM = "id sku name quantity currentQuantity product { id } variant { id }"
            + " originalUnitPriceSet " + MONEY + " discountedTotalSet " + MONEY
            + " discountAllocations { allocatedAmountSet " + MONEY + " }";

    /**
     * The query cost of one node with these fields, as Shopify computes it: the node itself and every object under
     * it cost 1 each, scalars nothing. The selections here hold no connection, so each object is one brace.
     */
    static int nodeCost(String fields) {
        return 1 + (int) fields.chars().filter(c -> c == '{').count();
    }

    private ShopifyOrderFields() {
    }
}
