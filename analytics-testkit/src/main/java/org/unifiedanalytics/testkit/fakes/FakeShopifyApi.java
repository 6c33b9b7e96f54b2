package org.unifiedanalytics.testkit.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fake Shopify GraphQL Admin API: {@code POST /admin/api/{version}/graphql.json} with the
 * {@code X-Shopify-Access-Token} header (401 otherwise), a pinned version (404 for another), orders
 * filtered by the {@code updated_at} search syntax and paged by {@code pageInfo} cursors, and a
 * calculated-cost leaky bucket: every answer reports {@code extensions.cost.throttleStatus}, and a query
 * costing more than what is available is answered {@code THROTTLED} with HTTP 200.
 */
public final class FakeShopifyApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UPDATED = Pattern.compile("(updated_at|created_at):>='([^']+)' AND (?:updated_at|created_at):<'([^']+)'");

    private final FakeApiServer server = FakeApiServer.start();
    private final String version;
    private final String token;
    private final List<ObjectNode> orders = new ArrayList<>();
    private volatile Set<String> scopes = Set.of("read_orders", "read_all_orders");
    private final double maximum;
    private final double restorePerSecond;
    private double available;
    private long lastNanos = System.nanoTime();
    private int throttled;

    private FakeShopifyApi(String version, String token, double maximum, double restorePerSecond) {
        this.version = version;
        this.token = token;
        this.maximum = maximum;
        this.restorePerSecond = restorePerSecond;
        this.available = maximum;
        server.route("POST", "/admin/api/" + version + "/graphql.json", this::graphql);
    }

    /** A store with a cost bucket of {@code maximum} points restoring {@code restorePerSecond} per second. */
    public static FakeShopifyApi start(String version, String token, double maximum, double restorePerSecond) {
        return new FakeShopifyApi(version, token, maximum, restorePerSecond);
    }

    public FakeApiServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl().toString();
    }

    /** The app's granted scopes (without read_all_orders only 60 days of orders are visible on a real store). */
    public void scopes(Set<String> granted) {
        this.scopes = Set.copyOf(granted);
    }

    /** How many queries were answered THROTTLED. */
    public synchronized int throttledCount() {
        return throttled;
    }

    /** Adds or replaces an order node (the GraphQL shape, money as MoneyBags). */
    public synchronized void order(ObjectNode node) {
        orders.removeIf(o -> o.path("id").asText().equals(node.path("id").asText()));
        orders.add(node);
    }

    @Override
    public void close() {
        server.close();
    }

    private synchronized FakeResponse graphql(RecordedRequest request) {
        if (!token.equals(request.header("X-Shopify-Access-Token").orElse(""))) {
            return FakeResponse.json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            return FakeResponse.json(400, "{\"errors\":\"body must be JSON\"}");
        }
        String query = body.path("query").asText();
        JsonNode variables = body.path("variables");
        int first = variables.path("first").asInt(50);
        double requested = query.contains("orders(") ? 2 + first * 2.0 : 2;
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - lastNanos) / 1e9 * restorePerSecond);
        lastNanos = now;
        if (requested > available) {
            throttled++;
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("errors").addObject().put("message", "Throttled").putObject("extensions").put("code", "THROTTLED");
            answer.set("extensions", cost(requested, null));
            return FakeResponse.ok(answer.toString());
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data");
        double actual;
        if (query.contains("orders(")) {
            actual = 2 + ordersPage(data, variables, first);
        } else {
            ObjectNode shop = data.putObject("shop").put("name", "Clay & Co").put("currencyCode", "EUR");
            shop.put("myshopifyDomain", "clayandco.myshopify.com");
            ArrayNode handles = data.putObject("currentAppInstallation").putArray("accessScopes");
            scopes.forEach(s -> handles.addObject().put("handle", s));
            actual = 1;
        }
        available -= actual;
        answer.set("extensions", cost(requested, actual));
        return FakeResponse.ok(answer.toString());
    }

    private int ordersPage(ObjectNode data, JsonNode variables, int first) {
        Matcher m = UPDATED.matcher(variables.path("q").asText(""));
        Instant lower = Instant.MIN;
        Instant upper = Instant.MAX;
        String field = "updatedAt";
        if (m.find()) {
            field = m.group(1).equals("created_at") ? "createdAt" : "updatedAt";
            lower = Instant.parse(m.group(2));
            upper = Instant.parse(m.group(3));
        }
        Instant from = lower;
        Instant to = upper;
        String by = field;
        List<ObjectNode> matching = orders.stream()
                .filter(o -> !Instant.parse(o.path(by).asText()).isBefore(from)
                        && Instant.parse(o.path(by).asText()).isBefore(to))
                .sorted(Comparator.comparing((ObjectNode o) -> o.path("updatedAt").asText()).thenComparing(o -> o.path("id").asText()))
                .toList();
        int offset = variables.hasNonNull("after") ? Integer.parseInt(variables.path("after").asText().substring(1)) : 0;
        List<ObjectNode> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + first, matching.size()));
        ObjectNode connection = data.putObject("orders");
        connection.putObject("pageInfo").put("hasNextPage", offset + first < matching.size())
                .put("endCursor", "c" + (offset + page.size()));
        ArrayNode nodes = connection.putArray("nodes");
        page.forEach(nodes::add);
        return page.size();
    }

    private ObjectNode cost(double requested, Double actual) {
        ObjectNode extensions = JSON.createObjectNode();
        ObjectNode cost = extensions.putObject("cost").put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        cost.putObject("throttleStatus").put("maximumAvailable", maximum).put("currentlyAvailable", available)
                .put("restoreRate", restorePerSecond);
        return extensions;
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
        java.math.BigDecimal t = new java.math.BigDecimal(total);
        java.math.BigDecimal r = new java.math.BigDecimal(refunded);
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
