package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shopify order nodes in the Admin GraphQL shape, to give {@link FakeShopifyApi#order}: money as MoneyBags, line
 * items in {@code lineItems.nodes}, refunds, and the customer journey with the UTM parameters of its first and last
 * visits.
 *
 * <pre>{@code
 * shopify.order(ShopifyOrderNodes.orderNode("1001", created, created, "EUR", "42.00", "0.00", "ana@example.com",
 *         "tiktok", "email", true));
 * }</pre>
 */
public final class ShopifyOrderNodes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopifyOrderNodes() {
    }

    /**
     * A visit of a customer's journey, as {@code customerJourneySummary} gives it: when, and the UTM parameters of its
     * landing page; a visit without a source is a direct one.
     */
    public record JourneyVisit(Instant at, String source, String medium, String campaign, String content) {
        public static JourneyVisit direct(Instant at) {
            return new JourneyVisit(at, null, null, null, null);
        }
    }

    /**
     * An order node whose journey has these first and last visits (the same one for a journey of one visit), each with
     * its own UTM parameters.
     */
    public static ObjectNode orderNode(String legacyId, Instant created, Instant updated, String currency, String total,
                                       String refunded, String email, JourneyVisit first, JourneyVisit last) {
        ObjectNode o = orderNode(legacyId, created, updated, currency, total, refunded, email, null, null, true);
        ObjectNode journey = o.putObject("customerJourneySummary").put("ready", true);
        visit(journey, "firstVisit", first);
        visit(journey, "lastVisit", last);
        return o;
    }

    private static void visit(ObjectNode journey, String field, JourneyVisit visit) {
        ObjectNode node = journey.putObject(field).put("occurredAt", visit.at().toString());
        if (visit.source() == null) {
            node.put("landingPage", "https://clayandco.example/");
            node.putNull("utmParameters");
            return;
        }
        node.put("landingPage", "https://clayandco.example/products/mug?utm_source=" + visit.source());
        ObjectNode utm = node.putObject("utmParameters").put("source", visit.source()).put("medium", visit.medium());
        if (visit.campaign() == null) {
            utm.putNull("campaign");
        } else {
            utm.put("campaign", visit.campaign());
        }
        if (visit.content() == null) {
            utm.putNull("content");
        } else {
            utm.put("content", visit.content());
        }
        utm.putNull("term");
    }

    /** Builds an order node in the GraphQL shape. */
    public static ObjectNode orderNode(String legacyId, Instant created, Instant updated, String currency, String total,
                                       String refunded, String email, String firstUtmSource, String lastUtmSource,
                                       boolean journeyReady) {
        ObjectNode o = JSON.createObjectNode().put("id", "gid://shopify/Order/" + legacyId).put("legacyResourceId", legacyId)
                .put("name", "#" + legacyId).put("createdAt", created.toString()).put("updatedAt", updated.toString())
                .putNull("cancelledAt").put("test", false).put("currencyCode", currency)
                .put("displayFinancialStatus", "0.00".equals(refunded) ? "PAID" : "PARTIALLY_REFUNDED")
                .put("displayFulfillmentStatus", "FULFILLED").put("email", email);
        BigDecimal t = new BigDecimal(total);
        BigDecimal r = new BigDecimal(refunded);
        money(o, "totalPriceSet", total, currency);
        money(o, "subtotalPriceSet", total, currency);
        money(o, "totalDiscountsSet", "0.00", currency);
        money(o, "totalTaxSet", "0.00", currency);
        money(o, "totalShippingPriceSet", "0.00", currency);
        money(o, "totalRefundedSet", refunded, currency);
        money(o, "currentTotalPriceSet", t.subtract(r).toPlainString(), currency);
        ObjectNode journey = o.putObject("customerJourneySummary").put("ready", journeyReady);
        if (journeyReady) {
            visit(journey, "firstVisit", created.minusSeconds(86_400 * 3), firstUtmSource);
            visit(journey, "lastVisit", created.minusSeconds(600), lastUtmSource);
        }
        ObjectNode line = o.putObject("lineItems").putArray("nodes").addObject().put("id", "gid://shopify/LineItem/" + legacyId + "1")
                .put("sku", "MUG-1").put("name", "Mug").put("quantity", 1).put("currentQuantity", 1);
        line.putObject("product").put("id", "gid://shopify/Product/1");
        line.putObject("variant").put("id", "gid://shopify/ProductVariant/11");
        line.putObject("originalUnitPriceSet").putObject("shopMoney").put("amount", total).put("currencyCode", currency);
        line.putObject("discountedTotalSet").putObject("shopMoney").put("amount", total).put("currencyCode", currency);
        ArrayNode refunds = o.putArray("refunds");
        if (r.signum() > 0) {
            ObjectNode refund = refunds.addObject().put("id", "gid://shopify/Refund/" + legacyId + "9")
                    .put("createdAt", updated.toString());
            refund.putObject("totalRefundedSet").putObject("shopMoney").put("amount", refunded).put("currencyCode", currency);
        }
        return o;
    }

    /** Gives an order node {@code count} line items of one unit at {@code unitPrice} each, in place of its own. */
    public static ObjectNode withLineItems(ObjectNode order, int count, String unitPrice) {
        String currency = order.path("currencyCode").asText();
        String legacyId = order.path("legacyResourceId").asText();
        ArrayNode nodes = order.putObject("lineItems").putArray("nodes");
        for (int i = 1; i <= count; i++) {
            ObjectNode line = nodes.addObject().put("id", "gid://shopify/LineItem/" + legacyId + String.format("%04d", i))
                    .put("sku", "SKU-" + i).put("name", "Item " + i).put("quantity", 1).put("currentQuantity", 1);
            line.putObject("product").put("id", "gid://shopify/Product/" + i);
            line.putObject("variant").put("id", "gid://shopify/ProductVariant/" + i);
            money(line, "originalUnitPriceSet", unitPrice, currency);
            money(line, "discountedTotalSet", unitPrice, currency);
        }
        return order;
    }

    /**
     * An order-level discount (a code on the whole cart), shared out among the order's lines by their value as
     * Shopify does, to the cent: each line's {@code discountAllocations} carries its share, its
     * {@code discountedTotalSet} stays without it (that field holds line-level discounts only).
     */
    public static ObjectNode withOrderDiscount(ObjectNode order, String amount) {
        String currency = order.path("currencyCode").asText();
        BigDecimal discount = new BigDecimal(amount);
        List<ObjectNode> lines = new ArrayList<>();
        order.path("lineItems").path("nodes").forEach(l -> lines.add((ObjectNode) l));
        BigDecimal total = BigDecimal.ZERO;
        for (ObjectNode line : lines) {
            total = total.add(gross(line));
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = lines.get(i);
            BigDecimal share = i == lines.size() - 1 ? discount.subtract(given)
                    : discount.multiply(gross(line)).divide(total, 2, RoundingMode.DOWN);
            given = given.add(share);
            ObjectNode allocation = line.putArray("discountAllocations").addObject();
            money(allocation, "allocatedAmountSet", share.toPlainString(), currency);
        }
        money(order, "totalDiscountsSet", discount.toPlainString(), currency);
        return order;
    }

    private static BigDecimal gross(JsonNode line) {
        return new BigDecimal(line.path("originalUnitPriceSet").path("shopMoney").path("amount").asText("0"))
                .multiply(BigDecimal.valueOf(line.path("quantity").asLong(1)));
    }

    private static void money(ObjectNode o, String field, String amount, String currency) {
        o.putObject(field).putObject("shopMoney").put("amount", amount).put("currencyCode", currency);
    }

    private static void visit(ObjectNode journey, String field, Instant at, String utmSource) {
        ObjectNode visit = journey.putObject(field).put("occurredAt", at.toString());
        if (utmSource == null) {
            visit.put("landingPage", "https://clayandco.example/");
            visit.putNull("utmParameters");
        } else {
            visit.put("landingPage", "https://clayandco.example/products/mug?utm_source=" + utmSource + "&utm_medium=social&utm_campaign=spring");
            visit.putObject("utmParameters").put("source", utmSource).put("medium", "tiktok".equals(utmSource) ? "social" : "email")
                    .put("campaign", "spring").putNull("content").putNull("term");
        }
    }
}
