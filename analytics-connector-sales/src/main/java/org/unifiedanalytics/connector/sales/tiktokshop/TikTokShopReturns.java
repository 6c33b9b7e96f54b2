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
 * Returns and refunds: {@code POST /return_refund/202309/returns/search}, filtered in the body (by order ids or
 * by update time), paged by {@code page_token} in the query. A return does not reliably change its order's
 * update time, so returns are read on their own as well as beside every order.
 */
final class TikTokShopReturns {
    static final String PATH = "/return_refund/202309/returns/search";
    /** Order ids per search: the order-detail limit, assumed for the return filter too. */
    static final int IDS_PER_CALL = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TikTokShopConnector connector;
    private final int pageSize;

    TikTokShopReturns(TikTokShopConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
    }

    /** Every return of these orders, by order id; an order without returns maps to an empty list. */
    Map<String, List<JsonNode>> ofOrders(String shop, Collection<String> orderIds) {
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        orderIds.forEach(id -> byOrder.put(id, new ArrayList<>()));
        List<String> ids = List.copyOf(byOrder.keySet());
        for (int start = 0; start < ids.size(); start += IDS_PER_CALL) {
            ObjectNode filter = JSON.createObjectNode();
            ids.subList(start, Math.min(start + IDS_PER_CALL, ids.size())).forEach(filter.putArray("order_ids")::add);
            Optional<String> token = Optional.empty();
            do {
                JsonNode data = page(shop, filter, token);
                for (JsonNode r : data.path("return_orders")) {
                    byOrder.computeIfAbsent(r.path("order_id").asText(), k -> new ArrayList<>()).add(r);
                }
                token = nextToken(data);
            } while (token.isPresent());
        }
        return byOrder;
    }

    /** One page of the returns updated in {@code [from, to)} (Unix seconds), oldest change first. */
    JsonNode updatedBetween(String shop, long from, long to, Optional<String> pageToken) {
        ObjectNode filter = JSON.createObjectNode().put("update_time_ge", from).put("update_time_lt", to);
        return page(shop, filter, pageToken);
    }

    static Optional<String> nextToken(JsonNode data) {
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() || data.path("return_orders").isEmpty() ? Optional.empty() : Optional.of(next);
    }

    private JsonNode page(String shop, ObjectNode filter, Optional<String> pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page_size", String.valueOf(pageSize));
        parameters.put("sort_field", "update_time");
        parameters.put("sort_order", "ASC");
        pageToken.ifPresent(token -> parameters.put("page_token", token));
        try {
            // serialized once: the same string is signed and sent
            return connector.call("POST", PATH, parameters, Optional.of(shop), JSON.writeValueAsString(filter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a return filter could not be written as JSON", e);
        }
    }
}
