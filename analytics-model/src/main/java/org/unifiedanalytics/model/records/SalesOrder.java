package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * An order from a store, with its amounts in the order's currency and what the store knows of where the
 * buyer came from. All amounts must share one currency. Build one with {@link #builder()}.
 *
 * <p>Required: {@code sourcePlatform}, {@code orderId}, {@code storeId}, {@code createdAt}, {@code updatedAt}
 * and every amount ({@code subtotal}, {@code discounts}, {@code shipping}, {@code tax}, {@code total},
 * {@code refunded}); the builder fills all but {@code sourcePlatform}, {@code orderId}, {@code createdAt} and
 * {@code total} with defaults, as the CSV import does. The others may be null.
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

    /**
     * A builder that names each field.
     *
     * <pre>{@code
     * SalesOrder order = SalesOrder.builder().sourcePlatform("popup_store").orderId("1001")
     *         .createdAt(Instant.parse("2026-03-02T12:00:00Z")).total(Money.of("42.00", "EUR"))
     *         .customerKey(CustomerKey.fromEmail("ada@example.com")).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an order's fields; {@link #build()} fills the defaults and checks them all at once. */
    public static final class Builder {
        private String sourcePlatform;
        private String orderId;
        private String storeId;
        private String orderNumber;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant cancelledAt;
        private String financialStatus;
        private String fulfillmentStatus;
        private Money subtotal;
        private Money discounts;
        private Money shipping;
        private Money tax;
        private Money total;
        private Money refunded;
        private CustomerKey customerKey;
        private Utm utm = Utm.NONE;
        private String referringSite;
        private String landingPage;
        private String attributedContentId;

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

        /** The store within the platform; the platform's name when not given. */
        public Builder storeId(String storeId) {
            this.storeId = storeId;
            return this;
        }

        public Builder orderNumber(String orderNumber) {
            this.orderNumber = orderNumber;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** When the order last changed; {@code createdAt} when not given. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder cancelledAt(Instant cancelledAt) {
            this.cancelledAt = cancelledAt;
            return this;
        }

        public Builder financialStatus(String financialStatus) {
            this.financialStatus = financialStatus;
            return this;
        }

        public Builder fulfillmentStatus(String fulfillmentStatus) {
            this.fulfillmentStatus = fulfillmentStatus;
            return this;
        }

        /** Line totals before order-level discounts, shipping and tax; the total when not given. */
        public Builder subtotal(Money subtotal) {
            this.subtotal = subtotal;
            return this;
        }

        /** Zero in the total's currency when not given. */
        public Builder discounts(Money discounts) {
            this.discounts = discounts;
            return this;
        }

        /** Zero in the total's currency when not given. */
        public Builder shipping(Money shipping) {
            this.shipping = shipping;
            return this;
        }

        /** Zero in the total's currency when not given. */
        public Builder tax(Money tax) {
            this.tax = tax;
            return this;
        }

        public Builder total(Money total) {
            this.total = total;
            return this;
        }

        /** Zero in the total's currency when not given. */
        public Builder refunded(Money refunded) {
            this.refunded = refunded;
            return this;
        }

        /** The buyer; a guest the store cannot identify has none. */
        public Builder customerKey(CustomerKey customerKey) {
            this.customerKey = customerKey;
            return this;
        }

        /** {@link Utm#NONE} when not given. */
        public Builder utm(Utm utm) {
            this.utm = utm;
            return this;
        }

        public Builder referringSite(String referringSite) {
            this.referringSite = referringSite;
            return this;
        }

        public Builder landingPage(String landingPage) {
            this.landingPage = landingPage;
            return this;
        }

        public Builder attributedContentId(String attributedContentId) {
            this.attributedContentId = attributedContentId;
            return this;
        }

        /**
         * The order.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public SalesOrder build() {
            Money zero = total == null ? null : Money.zero(total.currency());
            return RecordChecks.requireValid(new SalesOrder(sourcePlatform, orderId, storeId != null ? storeId : sourcePlatform,
                    orderNumber, createdAt, updatedAt != null ? updatedAt : createdAt, cancelledAt, financialStatus,
                    fulfillmentStatus, subtotal != null ? subtotal : total, or(discounts, zero), or(shipping, zero),
                    or(tax, zero), total, or(refunded, zero), customerKey, utm, referringSite, landingPage,
                    attributedContentId));
        }

        private static Money or(Money amount, Money zero) {
            return amount != null ? amount : zero;
        }
    }
}
