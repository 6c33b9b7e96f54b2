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
 * paged by {@code pageInfo}). An order's first 100 line items come with it; an order with more has the rest
 * read through {@code order(id:) { lineItems(after:) }}, so no line is silently cut off.
 */
final class ShopifyOrderPages {
    static final int LINES_WITH_ORDER = 100;
    static final String QUERY = "query Orders($q: String!, $first: Int!, $after: String) { orders(first: $first, after: $after,"
            + " sortKey: UPDATED_AT, query: $q) { pageInfo { hasNextPage endCursor } nodes { " + ShopifyOrderFields.ORDER
            + " lineItems(first: " + LINES_WITH_ORDER + ") { pageInfo { hasNextPage endCursor } nodes { "
            + ShopifyOrderFields.LINE_ITEM + " } } } } }";
    static final String MORE_LINES = "query OrderLines($id: ID!, $after: String) { order(id: $id) { lineItems(first: 250,"
            + " after: $after) { pageInfo { hasNextPage endCursor } nodes { " + ShopifyOrderFields.LINE_ITEM + " } } } }";

    private final ShopifyConnector connector;
    private final int pageSize;

    ShopifyOrderPages(ShopifyConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
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
        return info.path("hasNextPage").asBoolean(false) ? Page.more(records, info.path("endCursor").asText()) : Page.last(records);
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
