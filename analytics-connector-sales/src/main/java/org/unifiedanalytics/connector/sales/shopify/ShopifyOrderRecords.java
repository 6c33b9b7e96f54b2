package org.unifiedanalytics.connector.sales.shopify;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.unifiedanalytics.connect.http.JsonFields;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.OrderLine;
import org.unifiedanalytics.model.records.OrderRefund;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.MarketingChannel;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Shopify order node (GraphQL shape, every line item in {@code lineItems.nodes}) as warehouse records:
 * the order, its lines, each refund its own row, a conversion at the current (after refunds) total, and its
 * journey's first and last visit as touchpoints, with their UTM parameters (or those parsed from the landing
 * page). Amounts are in shop money.
 */
final class ShopifyOrderRecords {
    private static final ChannelClassifier CLASSIFIER = ChannelClassifier.ga4Default();

    private ShopifyOrderRecords() {
    }

    /** The classes of record an order becomes. */
    static final List<Class<? extends WarehouseRecord>> KINDS = List.of(SalesOrder.class, OrderLine.class, OrderRefund.class,
            Conversion.class, Touchpoint.class);

    static List<WarehouseRecord> of(String shop, JsonNode o) {
        String currency = o.path("currencyCode").asText();
        String id = o.path("legacyResourceId").asText(o.path("id").asText());
        Instant created = Instant.parse(o.path("createdAt").asText());
        String email = o.path("email").asText("");
        CustomerKey customer = email.contains("@") ? CustomerKey.fromEmail(email) : null;
        JsonNode journey = o.path("customerJourneySummary");
        JsonNode last = journey.path("lastVisit");
        Utm utm = utm(last);
        SalesOrder order = new SalesOrder(ShopifyConnector.PLATFORM, id, shop, o.path("name").asText(null), created,
                Instant.parse(o.path("updatedAt").asText()), instant(o, "cancelledAt"), o.path("displayFinancialStatus").asText(null),
                o.path("displayFulfillmentStatus").asText(null), money(o, "subtotalPriceSet", currency),
                money(o, "totalDiscountsSet", currency), money(o, "totalShippingPriceSet", currency), money(o, "totalTaxSet", currency),
                money(o, "totalPriceSet", currency), money(o, "totalRefundedSet", currency), customer, utm,
                text(last, "referrerUrl"), text(last, "landingPage"), null);
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(order);
        for (JsonNode line : o.path("lineItems").path("nodes")) {
            int quantity = line.path("quantity").asInt();
            Money unit = money(line, "originalUnitPriceSet", currency);
            Money gross = Money.of(unit.amount().multiply(BigDecimal.valueOf(quantity)), currency);
            Money lineOwn = gross.minus(money(line, "discountedTotalSet", currency));
            // Allocations hold every discount that reached the line, the order's own shared out among its lines included.
            Money allocated = Money.zero(gross.currency());
            for (JsonNode allocation : line.path("discountAllocations")) {
                allocated = allocated.plus(money(allocation, "allocatedAmountSet", currency));
            }
            Money discount = allocated.compareTo(lineOwn) > 0 ? allocated : lineOwn;
            discount = discount.isNegative() ? Money.zero(unit.currency()) : discount;
            records.add(new OrderLine(ShopifyConnector.PLATFORM, id, line.path("id").asText(), text(line, "sku"),
                    line.path("product").path("id").asText(null), line.path("variant").path("id").asText(null),
                    text(line, "name"), quantity, unit, discount, gross.minus(discount)));
        }
        for (JsonNode refund : o.path("refunds")) {
            records.add(new OrderRefund(ShopifyConnector.PLATFORM, id, refund.path("id").asText(),
                    Instant.parse(refund.path("createdAt").asText()), money(refund, "totalRefundedSet", currency), null));
        }
        Money net = money(o, "currentTotalPriceSet", currency);
        boolean cancelled = o.hasNonNull("cancelledAt");
        records.add(new Conversion(ShopifyConnector.PLATFORM, id, customer, created,
                cancelled || net.isNegative() ? Money.zero(net.currency()) : net, "order"));
        if (customer != null && journey.path("ready").asBoolean(false)) {
            touch(records, id, "first", customer, journey.path("firstVisit"));
            touch(records, id, "last", customer, last);
        }
        return records;
    }

    private static void touch(List<WarehouseRecord> records, String order, String which, CustomerKey customer, JsonNode visit) {
        if (visit.isMissingNode() || visit.isNull() || !visit.hasNonNull("occurredAt")) {
            return;
        }
        Utm utm = utm(visit);
        records.add(new Touchpoint(ShopifyConnector.PLATFORM, order + "/" + which + "-visit", customer,
                Instant.parse(visit.path("occurredAt").asText()), "session", MarketingChannel.of(utm.source(), utm.medium()),
                CLASSIFIER.classify(utm.source(), utm.medium(), utm.campaign()), utm.source(), utm.medium(), utm.campaign(),
                utm.content()));
    }

    /** The visit's UTM parameters, or those of its landing page's query string when Shopify gives none. */
    static Utm utm(JsonNode visit) {
        JsonNode parameters = visit.path("utmParameters");
        if (parameters.isObject()) {
            return new Utm(text(parameters, "source"), text(parameters, "medium"), text(parameters, "campaign"),
                    text(parameters, "content"), text(parameters, "term"));
        }
        String landing = text(visit, "landingPage");
        if (landing == null) {
            return Utm.NONE;
        }
        Map<String, String> query = new HashMap<>();
        try {
            String raw = URI.create(landing).getRawQuery();
            if (raw != null) {
                for (String part : raw.split("&")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        query.put(part.substring(0, eq).toLowerCase(Locale.ROOT),
                                URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IllegalArgumentException malformedUrl) {
            return Utm.NONE;
        }
        return new Utm(query.get("utm_source"), query.get("utm_medium"), query.get("utm_campaign"), query.get("utm_content"),
                query.get("utm_term"));
    }

    private static Money money(JsonNode node, String field, String currency) {
        String amount = node.path(field).path("shopMoney").path("amount").asText("");
        return Money.of(amount.isEmpty() ? BigDecimal.ZERO : new BigDecimal(amount), currency);
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.path(field).asText()) : null;
    }

    private static String text(JsonNode node, String field) {
        return JsonFields.text(node, field).orElse(null);
    }
}
