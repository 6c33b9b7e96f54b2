package org.unifiedanalytics.connector.sales.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Orders matching a search, a page at a time ({@code orders(first:, after:, query:)}, sorted by update time,
 * paged by {@code pageInfo}). Shopify refuses a query whose requested cost exceeds 1,000 points, and a
 * connection costs {@code first} times its node, line items within orders multiplying: so an order brings its
 * first {@value #LINES_WITH_ORDER} line items (most orders have fewer), a page holds as many orders as the
 * limit allows, and an order with more lines has the rest read {@value #MORE_LINES_PER_QUERY} at a time through
 * {@code order(id:) { lineItems(after:) }}, so no line is silently cut off.
 */
final class ShopifyOrderPages {
    static final int MAX_QUERY_COST = 1_000;
    static final int LINES_WITH_ORDER = 5;
    /** The most line items one {@code order(id:)} query may ask for within the cost limit (the order 1, the connection 2). */
    static final int MORE_LINES_PER_QUERY = Math.min(250, (MAX_QUERY_COST - 3) / ShopifyOrderFields.nodeCost(ShopifyOrderFields.LINE_ITEM));
    /** The requested cost of one order of a page: its fields, and a connection of its first line items. */
    static final int ORDER_COST = ShopifyOrderFields.nodeCost(ShopifyOrderFields.ORDER) + 2
            + LINES_WITH_ORDER * ShopifyOrderFields.nodeCost(ShopifyOrderFields.LINE_ITEM);
    /** The most orders one page may ask for within the cost limit (the orders connection costs 2). */
    static final int MAX_ORDERS_PER_PAGE = (MAX_QUERY_COST - 2) / ORDER_COST;
    static final String QUERY = "query Orders($q: String!, $first: Int!, $after: String) { orders(first: $first, after: $after,"
            + " sortKey: UPDATED_AT, query: $q) { pageInfo { hasNextPage endCursor } nodes { " + ShopifyOrderFields.ORDER
            + " lineItems(first: " + LINES_WITH_ORDER + ") { pageInfo { hasNextPage endCursor } nodes { "
            + ShopifyOrderFields.LINE_ITEM + " } } } } }";
    static final String MORE_LINES = "query OrderLines($id: ID!, $after: String) { order(id: $id) { lineItems(first: "
            + MORE_LINES_PER_QUERY + ","
            + " after: $after) { pageInfo { hasNextPage endCursor } nodes { " + ShopifyOrderFields.LINE_ITEM + " } } } }";

    private final ShopifyConnector connector;
    private final int pageSize;

    /** @param pageSize the configured orders per page; fewer when the cost limit requires */
    ShopifyOrderPages(ShopifyConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = Math.min(pageSize, MAX_ORDERS_PER_PAGE);
    }

    /** One page of the orders matching a Shopify search, as records; test orders are left out. */
    Page read(String shop, String search, Optional<String> pageToken) {
        ObjectNode variables = connector.api().objectMapper().createObjectNode().put("q", search).put("first", pageSize);
        if (pageToken.isPresent()) {
            variables.put("after", pageToken.get());
        } else {
            variables.putNull("after");
        }
        JsonNode orders = connector.graphql(QUERY, variables).path("orders");
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode order : orders.path("nodes")) {
            if (!order.path("test").asBoolean(false)) {
                completeLines((ObjectNode) order);
                records.addAll(ShopifyOrderRecords.of(shop, order));
            }
        }
        JsonNode info = orders.path("pageInfo");
        return connector.noted(info.path("hasNextPage").asBoolean(false) ? Page.more(records, info.path("endCursor").asText())
                : Page.last(records));
    }

    private void completeLines(ObjectNode order) {
        JsonNode lines = order.path("lineItems");
        JsonNode info = lines.path("pageInfo");
        if (!info.path("hasNextPage").asBoolean(false)) {
            return;
        }
        ArrayNode nodes = (ArrayNode) lines.path("nodes");
        String after = info.path("endCursor").asText();
        while (after != null) {
            ObjectNode variables = connector.api().objectMapper().createObjectNode().put("id", order.path("id").asText())
                    .put("after", after);
            JsonNode more = connector.graphql(MORE_LINES, variables).path("order").path("lineItems");
            more.path("nodes").forEach(nodes::add);
            after = more.path("pageInfo").path("hasNextPage").asBoolean(false) ? more.path("pageInfo").path("endCursor").asText()
                    : null;
        }
    }
}
