package org.unifiedanalytics.testkit.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fake TikTok Shop's after-sales records: returns and refunds ({@code return_orders}) and cancellations
 * ({@code cancellations}), in the 202309 shapes, and their two searches. Neither changes its order's
 * {@code update_time}, so a connector must read them on their own. A search filters by the body's
 * {@code order_ids} and {@code update_time_ge/lt}, oldest change first, and pages by {@code page_size} (at most
 * 50) and {@code page_token}.
 */
final class TikTokShopAfterSales {
    static final int MAX_PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of the two lists: what it is called in an answer, the name of its ids, the prefix of its page tokens. */
    enum Kind {
        RETURNS("return_orders", "return_id", "rt"), CANCELLATIONS("cancellations", "cancel_id", "ct");

        final String listName;
        final String idField;
        final String tokenPrefix;

        Kind(String listName, String idField, String tokenPrefix) {
            this.listName = listName;
            this.idField = idField;
            this.tokenPrefix = tokenPrefix;
        }
    }

    private final List<ObjectNode> returns = new ArrayList<>();
    private final List<ObjectNode> cancellations = new ArrayList<>();

    synchronized ObjectNode returnOrder(String orderId, String returnId, String type, String status, String refundTotal,
                                        String currency, Instant updated) {
        ObjectNode row = JSON.createObjectNode().put("return_id", returnId).put("order_id", orderId).put("return_type", type)
                .put("return_status", status).put("return_reason", "seller_return_reason_damaged")
                .put("return_reason_text", "Arrived damaged");
        return keep(returns, Kind.RETURNS, row, refundTotal, currency, updated);
    }

    synchronized ObjectNode cancellation(String orderId, String cancelId, String status, String refundTotal, String currency,
                                         Instant updated) {
        ObjectNode row = JSON.createObjectNode().put("cancel_id", cancelId).put("order_id", orderId).put("cancel_type", "CANCEL")
                .put("cancel_status", status).put("role", "BUYER").put("cancel_reason", "buyer_cancel_reason_changed_mind")
                .put("cancel_reason_text", "No longer needed");
        return keep(cancellations, Kind.CANCELLATIONS, row, refundTotal, currency, updated);
    }

    /**
     * One page of the answer to a search, or empty when the page size is out of range.
     *
     * @param shopOrders the ids of the orders of the shop the search is for
     */
    synchronized java.util.Optional<ObjectNode> search(Kind kind, JsonNode filter, Collection<String> shopOrders, int pageSize,
                                                       java.util.Optional<String> pageToken) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return java.util.Optional.empty();
        }
        long ge = filter.path("update_time_ge").asLong(Long.MIN_VALUE);
        long lt = filter.path("update_time_lt").asLong(Long.MAX_VALUE);
        List<String> orderIds = new ArrayList<>();
        filter.path("order_ids").forEach(id -> orderIds.add(id.asText()));
        List<ObjectNode> matching = (kind == Kind.RETURNS ? returns : cancellations).stream()
                .filter(r -> shopOrders.contains(r.path("order_id").asText()))
                .filter(r -> orderIds.isEmpty() || orderIds.contains(r.path("order_id").asText()))
                .filter(r -> r.path("update_time").asLong() >= ge && r.path("update_time").asLong() < lt)
                .sorted(Comparator.comparingLong((ObjectNode r) -> r.path("update_time").asLong())
                        .thenComparing(r -> r.path(kind.idField).asText()))
                .toList();
        int offset = pageToken.map(t -> Integer.parseInt(t.substring(kind.tokenPrefix.length()))).orElse(0);
        ObjectNode data = JSON.createObjectNode().put("total_count", matching.size());
        ArrayNode list = data.putArray(kind.listName);
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + pageSize, matching.size())).forEach(list::add);
        data.put("next_page_token", offset + pageSize < matching.size() ? kind.tokenPrefix + (offset + pageSize) : "");
        return java.util.Optional.of(data);
    }

    private static ObjectNode keep(List<ObjectNode> list, Kind kind, ObjectNode row, String refundTotal, String currency,
                                   Instant updated) {
        String id = row.path(kind.idField).asText();
        list.removeIf(r -> r.path(kind.idField).asText().equals(id));
        row.put("create_time", updated.getEpochSecond() - 3600).put("update_time", updated.getEpochSecond());
        row.putObject("refund_amount").put("currency", currency).put("refund_total", refundTotal).put("refund_subtotal", refundTotal)
                .put("refund_shipping_fee", "0.00").put("refund_tax", "0.00");
        list.add(row);
        return row;
    }
}
