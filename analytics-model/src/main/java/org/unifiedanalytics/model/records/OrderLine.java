package org.unifiedanalytics.model.records;

import org.unifiedanalytics.model.values.Money;

/** One line of an order: a product variant, its quantity and amounts. */
public record OrderLine(String sourcePlatform, String orderId, String lineId, String sku, String productId,
                        String variantId, String title, int quantity, Money unitPrice, Money discount, Money total)
        implements WarehouseRecord {
    @Override
    public String describe() {
        return "OrderLine[" + sourcePlatform + "/" + orderId + "/" + lineId + "]";
    }
}
