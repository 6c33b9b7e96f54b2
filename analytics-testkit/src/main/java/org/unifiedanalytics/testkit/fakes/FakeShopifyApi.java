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
 * filtered by the {@code updated_at} search syntax and paged by {@code pageInfo} cursors, each query's
 * requested cost computed as Shopify documents it ({@link ShopifyQueryCost}) and refused above 1,000 with
 * {@code MAX_COST_EXCEEDED}, {@code first} above 250 refused, and a calculated-cost leaky bucket: every answer reports {@code extensions.cost.throttleStatus}, and a query
 * costing more than what is available is answered {@code THROTTLED} with HTTP 200.
 *
 * <p>An order's line items come at most {@code lineItems(first: N)} at a time, with their own
 * {@code pageInfo}; {@code order(id:)} pages through the rest. Bulk operations run as on API 2026-01:
 * {@code bulkOperationRunQuery} exports the orders its query's search matches, {@code node(id:)} reports
 * {@code RUNNING} once and then {@code COMPLETED} with a signed URL on this server and the file's size, and
 * the JSONL result is ungrouped: every order first, then every line item (with {@code __parentId}) in
 * reverse. The download URL needs no access token, and the fake records whether one was sent anyway.
 */
public final class FakeShopifyApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINES_FIRST = Pattern.compile("lineItems\\(first: (\\d+)\\)");
    private static final Pattern UPDATED = Pattern.compile("(updated_at|created_at):>='([^']+)' AND (?:updated_at|created_at):<'([^']+)'");

    private final FakeApiServer server = FakeApiServer.start();
    private final String version;
    private final String token;
    /** By id, in the order added (an order added again moves to the end), so that a large store adds in constant time. */
    private final java.util.Map<String, ObjectNode> orders = new java.util.LinkedHashMap<>();
    private GeneratedOrders generated;
    private volatile Set<String> scopes = Set.of("read_orders", "read_all_orders");
    private final double maximum;
    private final double restorePerSecond;
    private double available;
    private long lastNanos = System.nanoTime();
    private int throttled;
    private final java.util.Map<String, BulkOperation> bulkOperations = new java.util.LinkedHashMap<>();
    private boolean bulkBusy;
    private boolean refuseDownloads;
    private int tokensSentToStorage;
    private double maxRequested;
    private boolean protectedDataWithheld;

    /** A bulk operation of the fake: its result is fixed when it starts; {@code polls} counts status queries. */
    private static final class BulkOperation {
        final String id;
        final byte[] jsonl;
        final int objects;
        String status = "CREATED";
        int polls;

        BulkOperation(String id, byte[] jsonl, int objects) {
            this.id = id;
            this.jsonl = jsonl;
            this.objects = objects;
        }
    }

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

    /** While busy, {@code bulkOperationRunQuery} answers that a bulk query is already in progress. */
    public synchronized void bulkBusy(boolean busy) {
        this.bulkBusy = busy;
    }

    /** Every bulk operation so far reports {@code EXPIRED}, its result gone, as seven days after completion. */
    public synchronized void expireBulkOperations() {
        bulkOperations.values().forEach(op -> op.status = "EXPIRED");
    }

    /** Result downloads are refused (403), as a storage host refuses an expired signed URL. */
    public synchronized void refuseDownloads() {
        this.refuseDownloads = true;
    }

    /** How many bulk operations were started. */
    public synchronized int bulkOperationCount() {
        return bulkOperations.size();
    }

    /** How many result downloads carried an {@code X-Shopify-Access-Token} header (none should). */
    public synchronized int tokensSentToStorage() {
        return tokensSentToStorage;
    }

    /**
     * The app has no approval for protected customer data (a public app before Shopify's review): orders come
     * back with {@code email} and the journey's {@code landingPage} and {@code referrerUrl} null, each with an
     * {@code ACCESS_DENIED} error at its path, beside the data, as Shopify answers.
     */
    public synchronized void withholdProtectedCustomerData() {
        this.protectedDataWithheld = true;
    }

    /** The highest requested query cost seen, refused or not (Shopify refuses above 1,000). */
    public synchronized double maxRequestedCost() {
        return maxRequested;
    }

    /** How many queries were answered THROTTLED. */
    public synchronized int throttledCount() {
        return throttled;
    }

    /** Adds or replaces an order node (the GraphQL shape, money as MoneyBags). */
    public synchronized void order(ObjectNode node) {
        String id = node.path("id").asText();
        orders.remove(id);
        orders.put(id, node);
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
        ShopifyQueryCost.Analysis asked = ShopifyQueryCost.analyze(query, variables);
        if (asked.largestPage() > 250) {
            ObjectNode refused = JSON.createObjectNode();
            refused.putArray("errors").addObject().put("message", "The first argument is limited to 250 records per page")
                    .putObject("extensions").put("code", "ARGUMENT_LIMIT_EXCEEDED");
            return FakeResponse.ok(refused.toString());
        }
        double requested = asked.cost();
        maxRequested = Math.max(maxRequested, requested);
        if (requested > ShopifyQueryCost.MAX) {
            ObjectNode refused = JSON.createObjectNode();
            ObjectNode error = refused.putArray("errors").addObject().put("message", "Query cost is " + (int) requested
                    + ", which exceeds the single query max cost limit (" + ShopifyQueryCost.MAX + ").");
            error.putObject("extensions").put("code", "MAX_COST_EXCEEDED").put("cost", (int) requested)
                    .put("maxCost", ShopifyQueryCost.MAX);
            return FakeResponse.ok(refused.toString());
        }
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
        if (query.contains("bulkOperationRunQuery")) {
            runBulk(data, variables.path("query").asText(""));
            actual = 10;
        } else if (query.contains("node(id:")) {
            bulkStatus(data, variables.path("id").asText(""));
            actual = 1;
        } else if (query.contains("order(id:")) {
            actual = 1 + moreLines(data, variables);
        } else if (query.contains("orders(")) {
            // Shopify charges what the answer held: the requested cost scaled to the orders returned.
            int returned = ordersPage(data, variables, first, query);
            if (protectedDataWithheld) {
                withhold(answer, (ArrayNode) data.path("orders").path("nodes"));
            }
            actual = 2 + (requested - 2) * returned / Math.max(1, first);
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

    private int ordersPage(ObjectNode data, JsonNode variables, int first, String query) {
        List<ObjectNode> matching = matching(variables.path("q").asText(""));
        int offset = variables.hasNonNull("after") ? Integer.parseInt(variables.path("after").asText().substring(1)) : 0;
        List<ObjectNode> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + first, matching.size()));
        ObjectNode connection = data.putObject("orders");
        connection.putObject("pageInfo").put("hasNextPage", offset + first < matching.size())
                .put("endCursor", "c" + (offset + page.size()));
        ArrayNode nodes = connection.putArray("nodes");
        Matcher lines = LINES_FIRST.matcher(query);
        int linesFirst = lines.find() ? Integer.parseInt(lines.group(1)) : Integer.MAX_VALUE;
        for (ObjectNode order : page) {
            ObjectNode copy = order.deepCopy();
            ArrayNode all = (ArrayNode) order.path("lineItems").path("nodes");
            ObjectNode connectionOfLines = copy.putObject("lineItems");
            connectionOfLines.putObject("pageInfo").put("hasNextPage", all.size() > linesFirst).put("endCursor", "l" + Math.min(linesFirst, all.size()));
            ArrayNode shown = connectionOfLines.putArray("nodes");
            for (int i = 0; i < Math.min(linesFirst, all.size()); i++) {
                shown.add(all.get(i));
            }
            nodes.add(copy);
        }
        return page.size();
    }

    private static void withhold(ObjectNode answer, ArrayNode orders) {
        ArrayNode errors = answer.withArray("errors");
        for (int i = 0; i < orders.size(); i++) {
            ObjectNode order = (ObjectNode) orders.get(i);
            if (order.has("email")) {
                order.putNull("email");
                denied(errors, "email", "orders", "nodes", i, "email");
            }
            for (String visit : new String[]{"firstVisit", "lastVisit"}) {
                JsonNode node = order.path("customerJourneySummary").path(visit);
                if (node.isObject()) {
                    for (String field : new String[]{"landingPage", "referrerUrl"}) {
                        ((ObjectNode) node).putNull(field);
                        denied(errors, field, "orders", "nodes", i, "customerJourneySummary", visit, field);
                    }
                }
            }
        }
    }

    private static void denied(ArrayNode errors, String field, Object... path) {
        ObjectNode error = errors.addObject().put("message", "Access denied for " + field + " field. Required access: "
                + "protected customer data approval (Level 2).");
        ArrayNode at = error.putArray("path");
        for (Object p : path) {
            if (p instanceof Integer i) {
                at.add(i);
            } else {
                at.add(p.toString());
            }
        }
        error.putObject("extensions").put("code", "ACCESS_DENIED").put("documentation",
                "https://shopify.dev/docs/apps/launch/protected-customer-data");
    }

    private int moreLines(ObjectNode data, JsonNode variables) {
        String id = variables.path("id").asText();
        int offset = Integer.parseInt(variables.path("after").asText("l0").substring(1));
        ObjectNode order = orders.get(id);
        if (order == null) {
            data.putNull("order");
            return 0;
        }
        ArrayNode all = (ArrayNode) order.path("lineItems").path("nodes");
        int end = Math.min(offset + 250, all.size());
        ObjectNode lines = data.putObject("order").putObject("lineItems");
        lines.putObject("pageInfo").put("hasNextPage", end < all.size()).put("endCursor", "l" + end);
        ArrayNode nodes = lines.putArray("nodes");
        for (int i = offset; i < end; i++) {
            nodes.add(all.get(i));
        }
        return end - offset;
    }

    private void runBulk(ObjectNode data, String bulkQuery) {
        ObjectNode run = data.putObject("bulkOperationRunQuery");
        ArrayNode errors = run.putArray("userErrors");
        if (bulkBusy) {
            run.putNull("bulkOperation");
            errors.addObject().putNull("field").put("code", "OPERATION_IN_PROGRESS")
                    .put("message", "A bulk query operation for this app and shop is already in progress: gid://shopify/BulkOperation/1.");
            return;
        }
        if (!bulkQuery.contains("orders(") || !bulkQuery.contains("edges") || bulkQuery.contains("first:")) {
            run.putNull("bulkOperation");
            ObjectNode error = errors.addObject().put("code", "INVALID")
                    .put("message", "Invalid bulk query: select connections with edges { node } and without first:");
            error.putArray("field").add("query");
            return;
        }
        StringBuilder jsonl = new StringBuilder();
        String search = bulkQuery.replace("\\\"", "\"");
        List<ObjectNode> matching = matching(search);
        List<String> lineRows = new ArrayList<>();
        int objects = 0;
        for (ObjectNode order : matching) {
            objects += export(order.deepCopy(), jsonl, lineRows);
        }
        if (generated != null) {
            Range range = Range.of(search);
            for (int i = 0; i < generated.count(); i++) {
                ObjectNode order = generated.order(i);
                if (range.contains(order)) {
                    objects += export(order, jsonl, lineRows);
                }
            }
        }
        java.util.Collections.reverse(lineRows);
        lineRows.forEach(row -> jsonl.append(row).append('\n'));
        String id = "gid://shopify/BulkOperation/" + (9000 + bulkOperations.size() + 1);
        BulkOperation operation = new BulkOperation(id, jsonl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                objects);
        bulkOperations.put(id, operation);
        String resultPath = "/bulk-results/" + id.substring(id.lastIndexOf('/') + 1) + ".jsonl";
        server.route("GET", resultPath, request -> download(operation, request));
        run.putObject("bulkOperation").put("id", id).put("status", "CREATED");
    }

    /** Writes an order's line, keeps its line items' for the end (ungrouped, as Shopify writes); counts the objects. */
    private static int export(ObjectNode order, StringBuilder jsonl, List<String> lineRows) {
        JsonNode lines = order.path("lineItems").path("nodes");
        jsonl.append(order.without("lineItems").toString()).append('\n');
        for (JsonNode line : lines) {
            lineRows.add(((ObjectNode) line).put("__parentId", order.path("id").asText()).toString());
        }
        return 1 + lines.size();
    }

    private void bulkStatus(ObjectNode data, String id) {
        BulkOperation operation = bulkOperations.get(id);
        if (operation == null) {
            data.putNull("node");
            return;
        }
        operation.polls++;
        if (operation.status.equals("CREATED") || operation.status.equals("RUNNING")) {
            operation.status = operation.polls >= 2 ? "COMPLETED" : "RUNNING";
        }
        ObjectNode node = data.putObject("node").put("id", id).put("status", operation.status).putNull("errorCode")
                .put("objectCount", operation.status.equals("COMPLETED") ? operation.objects : operation.objects / 2);
        if (operation.status.equals("COMPLETED") && operation.objects > 0) {
            node.put("fileSize", String.valueOf(operation.jsonl.length));
            node.put("url", baseUrl() + "/bulk-results/" + id.substring(id.lastIndexOf('/') + 1)
                    + ".jsonl?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=f4k3s1gn4tur3");
        } else {
            node.putNull("fileSize").putNull("url");
        }
    }

    private FakeResponse download(BulkOperation operation, RecordedRequest request) {
        synchronized (this) {
            if (request.header("X-Shopify-Access-Token").isPresent()) {
                tokensSentToStorage++;
            }
            if (refuseDownloads) {
                return FakeResponse.json(403, "<Error><Code>ExpiredToken</Code><Message>Request has expired</Message></Error>");
            }
            if (!request.queryParameter("X-Goog-Signature").isPresent()) {
                return FakeResponse.json(403, "<Error><Code>AccessDenied</Code><Message>Missing signature</Message></Error>");
            }
        }
        return FakeResponse.ok(new String(operation.jsonl, java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<ObjectNode> matching(String search) {
        Range range = Range.of(search);
        return orders.values().stream().filter(range::contains)
                .sorted(Comparator.comparing((ObjectNode o) -> o.path("updatedAt").asText()).thenComparing(o -> o.path("id").asText()))
                .toList();
    }

    /** The range of a search's {@code created_at} or {@code updated_at} filter (everything without one). */
    private record Range(String field, Instant from, Instant to) {
        static Range of(String search) {
            Matcher m = UPDATED.matcher(search);
            if (!m.find()) {
                return new Range("updatedAt", Instant.MIN, Instant.MAX);
            }
            return new Range(m.group(1).equals("created_at") ? "createdAt" : "updatedAt", Instant.parse(m.group(2)),
                    Instant.parse(m.group(3)));
        }

        boolean contains(ObjectNode order) {
            Instant at = Instant.parse(order.path(field).asText());
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /**
     * Orders made up as a bulk export is written, for scale tests of a million lines: order {@code i} (from 0) has the
     * legacy id {@code 9000000 + i}, was created at {@code first + i * step} and updated a minute later, and has one
     * line item of 12.50. Only bulk exports hold them, after the added orders; paged queries see the added ones.
     */
    public synchronized void generatedOrders(int count, Instant first, java.time.Duration step, String currency) {
        generated = new GeneratedOrders(count, first, step.getSeconds(), currency);
    }

    private record GeneratedOrders(int count, Instant first, long stepSeconds, String currency) {
        ObjectNode order(int i) {
            Instant created = first.plusSeconds(i * stepSeconds);
            ObjectNode order = ShopifyOrderNodes.orderNode(String.valueOf(9_000_000 + i), created, created.plusSeconds(60),
                    currency, "12.50", "0.00", "buyer" + (i % 1_000) + "@example.com", null, null, true);
            return ShopifyOrderNodes.withLineItems(order, 1, "12.50");
        }
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
}
