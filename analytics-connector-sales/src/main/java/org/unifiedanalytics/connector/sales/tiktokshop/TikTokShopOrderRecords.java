package org.unifiedanalytics.connector.sales.tiktokshop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.OrderLine;
import org.unifiedanalytics.model.records.OrderRefund;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One TikTok Shop order (202309 shape) with its returns, as warehouse records: the order, one line per SKU
 * (each unit is its own line item upstream; there is no quantity field), a refund row per return whose
 * money went back, and the order as a conversion worth what the buyer paid less those refunds. Money comes
 * as decimal strings in the order's currency. Cancelled, unpaid and sample orders are conversions worth
 * nothing.
 */
final class TikTokShopOrderRecords {
    private static final Set<String> WORTHLESS = Set.of("CANCELLED", "UNPAID");
    /**
     * Return and cancellation statuses whose refund was granted: approved ({@code SUCCESS}) or paid out
     * ({@code COMPLETE}).
     */
    static final Set<String> REFUNDED = Set.of("RETURN_OR_REFUND_REQUEST_SUCCESS", "RETURN_OR_REFUND_REQUEST_COMPLETE",
            "CANCELLATION_REQUEST_SUCCESS", "CANCELLATION_REQUEST_COMPLETE");

    /** The classes of record an order becomes. */
    static final List<Class<? extends WarehouseRecord>> KINDS = List.of(SalesOrder.class, OrderLine.class, OrderRefund.class,
            Conversion.class);

    private TikTokShopOrderRecords() {
    }

    /**
     * @param returns every return and cancellation of this order TikTok Shop knows (any status): the refunded
     *                sum is computed from all of them, so a re-read never loses an earlier refund
     */
    static List<WarehouseRecord> of(String shop, JsonNode o, List<JsonNode> returns) {
        JsonNode payment = o.path("payment");
        String currency = payment.path("currency").asText();
        String id = o.path("id").asText();
        Instant created = Instant.ofEpochSecond(o.path("create_time").asLong());
        Instant updated = Instant.ofEpochSecond(o.path("update_time").asLong(o.path("create_time").asLong()));
        Instant cancelled = o.hasNonNull("cancel_time") && o.path("cancel_time").asLong() > 0
                ? Instant.ofEpochSecond(o.path("cancel_time").asLong()) : null;
        Money total = money(payment, "total_amount", currency);
        Money zero = Money.zero(total.currency());
        List<OrderRefund> refunds = refunds(id, returns);
        Money refunded = zero;
        for (OrderRefund refund : refunds) {
            if (!refund.amount().currency().equals(zero.currency())) {
                throw new IllegalStateException("TikTok Shop return " + refund.refundId() + " of order " + id + " is in "
                        + refund.amount().currencyCode() + ", the order in " + zero.currencyCode() + ": amounts in different"
                        + " currencies are not summed");
            }
            refunded = refunded.plus(refund.amount());
        }
        Money discounts = money(payment, "seller_discount", currency).plus(money(payment, "platform_discount", currency));
        String buyer = o.path("user_id").asText("");
        // The buyer's email is a relay address; the platform's user id is the stable identity.
        CustomerKey customer = buyer.isEmpty() ? null : CustomerKey.of("tiktok_shop:" + buyer);
        String status = o.path("status").asText(null);
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(new SalesOrder(TikTokShopConnector.PLATFORM, id, shop, id, created, updated, cancelled, status,
                o.path("fulfillment_type").asText(null), money(payment, "sub_total", currency), discounts,
                money(payment, "shipping_fee", currency), money(payment, "tax", currency), total, refunded, customer, Utm.NONE,
                null, null, null));
        records.addAll(lines(id, o, currency, zero));
        records.addAll(refunds);
        boolean counts = !WORTHLESS.contains(status) && !o.path("is_sample_order").asBoolean(false);
        Money net = total.minus(refunded);
        records.add(new Conversion(TikTokShopConnector.PLATFORM, id, customer, created,
                counts && !net.isNegative() ? net : zero, "order"));
        return records;
    }

    private static List<OrderLine> lines(String orderId, JsonNode o, String currency, Money zero) {
        Map<String, List<JsonNode>> bySku = new LinkedHashMap<>();
        for (JsonNode line : o.path("line_items")) {
            bySku.computeIfAbsent(line.path("sku_id").asText(line.path("id").asText()), k -> new ArrayList<>()).add(line);
        }
        List<OrderLine> lines = new ArrayList<>();
        bySku.forEach((sku, units) -> {
            JsonNode first = units.get(0);
            Money lineTotal = zero;
            Money lineDiscount = zero;
            for (JsonNode unit : units) {
                lineTotal = lineTotal.plus(money(unit, "sale_price", currency));
                lineDiscount = lineDiscount.plus(money(unit, "seller_discount", currency)).plus(money(unit, "platform_discount", currency));
            }
            lines.add(new OrderLine(TikTokShopConnector.PLATFORM, orderId, sku, first.path("seller_sku").asText(null),
                    first.path("product_id").asText(null), sku, first.path("product_name").asText(null), units.size(),
                    money(first, "original_price", currency), lineDiscount, lineTotal));
        });
        return lines;
    }

    /**
     * A refund row per granted return or cancellation with money in it, under the return's or the cancellation's
     * id, dated by its last update.
     */
    private static List<OrderRefund> refunds(String orderId, List<JsonNode> returns) {
        List<OrderRefund> refunds = new ArrayList<>();
        for (JsonNode r : returns) {
            boolean cancellation = r.has("cancel_id");
            JsonNode amount = r.path("refund_amount");
            String status = r.path(cancellation ? "cancel_status" : "return_status").asText();
            if (!REFUNDED.contains(status) || amount.path("refund_total").asText("").isEmpty()) {
                continue;
            }
            Money refund = money(amount, "refund_total", amount.path("currency").asText());
            if (refund.amount().signum() > 0) {
                String prefix = cancellation ? "cancel_" : "return_";
                String reason = r.path(prefix + "reason_text").asText(r.path(prefix + "reason").asText(null));
                refunds.add(new OrderRefund(TikTokShopConnector.PLATFORM, orderId, r.path(prefix + "id").asText(),
                        Instant.ofEpochSecond(r.path("update_time").asLong(r.path("create_time").asLong())), refund, reason));
            }
        }
        return refunds;
    }

    private static Money money(JsonNode node, String field, String currency) {
        String text = node.path(field).asText("");
        return Money.of(text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text), currency);
    }
}
