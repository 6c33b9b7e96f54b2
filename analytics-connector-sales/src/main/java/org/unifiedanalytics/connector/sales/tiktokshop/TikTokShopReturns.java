package org.unifiedanalytics.connector.sales.tiktokshop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * After-sales: returns and refunds ({@code POST /return_refund/202309/returns/search}, a list of
 * {@code return_orders}) and cancellations ({@code POST /return_refund/202309/cancellations/search}, a list of
 * {@code cancellations}), each filtered in the body (by order ids or by update time) and paged by
 * {@code page_token} in the query, at most 50 a page. Neither reliably changes its order's update time, so they
 * are read on their own as well as beside every order. Both may give money back, so both lower an order's net
 * revenue ({@link TikTokShopOrderRecords}).
 */
final class TikTokShopReturns {
    /** One of the two searches: its path and the name of the list in its answer. */
    enum Kind {
        RETURNS("/return_refund/202309/returns/search", "return_orders"),
        CANCELLATIONS("/return_refund/202309/cancellations/search", "cancellations");

        final String path;
        final String listName;

        Kind(String path, String listName) {
            this.path = path;
            this.listName = listName;
        }
    }

    /** Order ids per search: the order-detail limit, assumed for the return filter too. */
    static final int IDS_PER_CALL = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TikTokShopConnector connector;
    private final int pageSize;

    TikTokShopReturns(TikTokShopConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
    }

    /** Every return and cancellation of these orders, by order id; an order without either maps to an empty list. */
    Map<String, List<JsonNode>> ofOrders(String shop, Collection<String> orderIds) {
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        orderIds.forEach(id -> byOrder.put(id, new ArrayList<>()));
        List<String> ids = List.copyOf(byOrder.keySet());
        for (int start = 0; start < ids.size(); start += IDS_PER_CALL) {
            ObjectNode filter = JSON.createObjectNode();
            ids.subList(start, Math.min(start + IDS_PER_CALL, ids.size())).forEach(filter.putArray("order_ids")::add);
            for (Kind kind : Kind.values()) {
                Optional<String> token = Optional.empty();
                do {
                    JsonNode data = page(shop, kind, filter, token);
                    for (JsonNode r : data.path(kind.listName)) {
                        byOrder.computeIfAbsent(r.path("order_id").asText(), k -> new ArrayList<>()).add(r);
                    }
                    token = nextToken(data, kind);
                } while (token.isPresent());
            }
        }
        return byOrder;
    }

    /** One page of the returns or cancellations updated in {@code [from, to)} (Unix seconds), oldest change first. */
    JsonNode updatedBetween(String shop, Kind kind, long from, long to, Optional<String> pageToken) {
        ObjectNode filter = JSON.createObjectNode().put("update_time_ge", from).put("update_time_lt", to);
        return page(shop, kind, filter, pageToken);
    }

    static Optional<String> nextToken(JsonNode data, Kind kind) {
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() || data.path(kind.listName).isEmpty() ? Optional.empty() : Optional.of(next);
    }

    private JsonNode page(String shop, Kind kind, ObjectNode filter, Optional<String> pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page_size", String.valueOf(pageSize));
        parameters.put("sort_field", "update_time");
        parameters.put("sort_order", "ASC");
        pageToken.ifPresent(token -> parameters.put("page_token", token));
        try {
            // serialized once: the same string is signed and sent
            return connector.call("POST", kind.path, parameters, Optional.of(shop), JSON.writeValueAsString(filter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an after-sales filter could not be written as JSON", e);
        }
    }
}
