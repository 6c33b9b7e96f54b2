package org.unifiedanalytics.model.records;

import java.math.BigDecimal;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.Money;

/**
 * One line of an order: a product variant, its quantity and amounts, in its order's currency. Build one with
 * {@link #builder()}.
 *
 * <p>Required: {@code sourcePlatform}, {@code orderId}, {@code lineId}, {@code quantity} (not negative),
 * {@code unitPrice}, {@code discount} and {@code total}; the builder fills quantity, discount and total when
 * not given. The others may be null.
 */
public record OrderLine(String sourcePlatform, String orderId, String lineId, String sku, String productId,
                        String variantId, String title, int quantity, Money unitPrice, Money discount, Money total)
        implements WarehouseRecord {
    @Override
    public String describe() {
        return "OrderLine[" + sourcePlatform + "/" + orderId + "/" + lineId + "]";
    }

    /**
     * A builder that names each field.
     *
     * <pre>{@code
     * OrderLine line = OrderLine.builder().sourcePlatform("popup_store").orderId("1001").lineId("1")
     *         .sku("MUG-BLUE").quantity(2).unitPrice(Money.of("21.00", "EUR")).build();    // total 42.00 EUR
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a line's fields; {@link #build()} fills the defaults and checks them all at once. */
    public static final class Builder {
        private String sourcePlatform;
        private String orderId;
        private String lineId;
        private String sku;
        private String productId;
        private String variantId;
        private String title;
        private int quantity = 1;
        private Money unitPrice;
        private Money discount;
        private Money total;

        private Builder() {
        }

        public Builder sourcePlatform(String sourcePlatform) {
            this.sourcePlatform = sourcePlatform;
            return this;
        }

        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder lineId(String lineId) {
            this.lineId = lineId;
            return this;
        }

        public Builder sku(String sku) {
            this.sku = sku;
            return this;
        }

        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        public Builder variantId(String variantId) {
            this.variantId = variantId;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Units of the variant; 1 when not given. */
        public Builder quantity(int quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder unitPrice(Money unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        /** The line's discount; zero in the unit price's currency when not given. */
        public Builder discount(Money discount) {
            this.discount = discount;
            return this;
        }

        /** What the line costs after its discount; quantity times unit price less the discount when not given. */
        public Builder total(Money total) {
            this.total = total;
            return this;
        }

        /**
         * The line.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public OrderLine build() {
            Money lineDiscount = discount != null || unitPrice == null ? discount : Money.zero(unitPrice.currency());
            Money lineTotal = total;
            if (lineTotal == null && unitPrice != null && lineDiscount != null
                    && unitPrice.currency().equals(lineDiscount.currency())) {
                lineTotal = new Money(unitPrice.amount().multiply(BigDecimal.valueOf(quantity)), unitPrice.currency())
                        .minus(lineDiscount);
            }
            return RecordChecks.requireValid(new OrderLine(sourcePlatform, orderId, lineId, sku, productId, variantId, title,
                    quantity, unitPrice, lineDiscount, lineTotal));
        }
    }
}
