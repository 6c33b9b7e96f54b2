package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fake TikTok Shop's orders, in the 202309 shape, and the two order calls: search (orders of a shop updated in
 * {@code [update_time_ge, update_time_lt)}, oldest update first, paged by {@code page_size} and {@code page_token})
 * and detail by id. A shop's orders are either held (each added one by one) or made up as they are asked for
 * ({@link TikTokShopGeneratedOrders}, for millions).
 */
final class TikTokShopOrders {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_DETAIL_IDS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> held = new ArrayList<>();
    private final Map<String, TikTokShopGeneratedOrders> generated = new ConcurrentHashMap<>();

    /** Holds an order; one of the same id is replaced. */
    synchronized ObjectNode order(String shop, String id, Instant created, Instant updated, String status, String currency,
                                  String userId, String... unitPricesBySku) {
        ObjectNode order = orderNode(shop, id, created, updated, status, currency, userId, unitPricesBySku);
        held.removeIf(o -> o.path("id").asText().equals(id));
        held.add(order);
        return order;
    }

    void generate(TikTokShopGeneratedOrders orders) {
        generated.put(orders.shop(), orders);
    }

    /** The search's data: one page of the shop's orders updated in {@code [ge, lt)}. */
    ObjectNode search(String shop, long ge, long lt, int pageSize, Optional<String> pageToken) {
        TikTokShopGeneratedOrders made = generated.get(shop);
        if (made != null) {
            return made.page(ge, lt, pageSize, pageToken);
        }
        List<ObjectNode> matching;
        synchronized (this) {
            matching = held.stream().filter(o -> o.path("shop").asText().equals(shop))
                    .filter(o -> o.path("update_time").asLong() >= ge && o.path("update_time").asLong() < lt)
                    .sorted(Comparator.comparingLong((ObjectNode o) -> o.path("update_time").asLong())
                            .thenComparing(o -> o.path("id").asText()))
                    .toList();
        }
        int offset = pageToken.map(t -> Integer.parseInt(t.substring(2))).orElse(0);
        ObjectNode data = JSON.createObjectNode().put("total_count", matching.size());
        ArrayNode list = data.putArray("orders");
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + pageSize, matching.size()))
                .forEach(o -> list.add(o.deepCopy().without("shop")));
        data.put("next_page_token", offset + pageSize < matching.size() ? "pt" + (offset + pageSize) : "");
        return data;
    }

    /** The detail call's data: those of the ids that are orders of the shop. */
    ObjectNode detail(String shop, List<String> ids) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("orders");
        TikTokShopGeneratedOrders made = generated.get(shop);
        if (made != null) {
            ids.stream().map(made::index).flatMap(Optional::stream).forEach(i -> list.add(made.order(i).without("shop")));
            return data;
        }
        synchronized (this) {
            held.stream().filter(o -> o.path("shop").asText().equals(shop) && ids.contains(o.path("id").asText()))
                    .forEach(o -> list.add(o.deepCopy().without("shop")));
        }
        return data;
    }

    /** The ids of the shop's held orders, those its returns and cancellations may name (none when generated). */
    synchronized List<String> heldIds(String shop) {
        return generated.containsKey(shop) ? List.of()
                : held.stream().filter(o -> o.path("shop").asText().equals(shop)).map(o -> o.path("id").asText()).toList();
    }

    /** An order as the API writes it (with the shop, which answers leave out); each unit is a line item of its own. */
    static ObjectNode orderNode(String shop, String id, Instant created, Instant updated, String status, String currency,
                                String userId, String... unitPricesBySku) {
        ObjectNode order = JSON.createObjectNode().put("id", id).put("status", status).put("create_time", created.getEpochSecond())
                .put("update_time", updated.getEpochSecond()).put("user_id", userId).put("shop", shop);
        ArrayNode lines = order.putArray("line_items");
        BigDecimal subtotal = BigDecimal.ZERO;
        int n = 0;
        for (String entry : unitPricesBySku) {
            String[] skuPrice = entry.split("=");
            lines.addObject().put("id", id + "-" + (++n)).put("sku_id", skuPrice[0]).put("product_id", "p-" + skuPrice[0])
                    .put("product_name", "Product " + skuPrice[0]).put("seller_sku", "S-" + skuPrice[0])
                    .put("original_price", skuPrice[1]).put("sale_price", skuPrice[1]).put("seller_discount", "0.00")
                    .put("platform_discount", "0.00").put("currency", currency);
            subtotal = subtotal.add(new BigDecimal(skuPrice[1]));
        }
        order.putObject("payment").put("currency", currency).put("sub_total", subtotal.toPlainString())
                .put("shipping_fee", "0.00").put("seller_discount", "0.00").put("platform_discount", "0.00").put("tax", "0.00")
                .put("total_amount", subtotal.toPlainString());
        return order;
    }
}
