package org.unifiedanalytics.connector.sales.tiktokshop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Returns and refunds changed in {@code [since, until)}. A refund need not touch its order's update time, so
 * the orders stream alone could miss it: for each page of changed returns, their orders are read again
 * ({@code GET /order/202309/orders?ids=...}) with all of their returns, and written whole, so the order's
 * refunded sum and its conversion's net revenue follow every refund.
 */
final class TikTokShopReturnsStream implements CursorStream {
    private final TikTokShopConnector connector;
    private final TikTokShopReturns returns;
    private final Logger logger;

    TikTokShopReturnsStream(TikTokShopConnector connector, TikTokShopReturns returns, Logger logger) {
        this.connector = connector;
        this.returns = returns;
        this.logger = logger;
    }

    @Override
    public String name() {
        return "returns";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return TikTokShopOrderRecords.KINDS;
    }

    @Override
    public Duration overlap() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Page readChanges(String shop, Instant since, Instant until, Optional<String> pageToken) {
        JsonNode data = returns.updatedBetween(shop, since.getEpochSecond(), until.getEpochSecond(), pageToken);
        Set<String> orderIds = new LinkedHashSet<>();
        data.path("return_orders").forEach(r -> orderIds.add(r.path("order_id").asText()));
        List<WarehouseRecord> records = new ArrayList<>();
        if (!orderIds.isEmpty()) {
            Map<String, List<JsonNode>> returnsByOrder = returns.ofOrders(shop, orderIds);
            Set<String> found = new LinkedHashSet<>();
            for (JsonNode order : orders(shop, List.copyOf(orderIds))) {
                String id = order.path("id").asText();
                found.add(id);
                records.addAll(TikTokShopOrderRecords.of(shop, order, returnsByOrder.getOrDefault(id, List.of())));
            }
            orderIds.removeAll(found);
            if (!orderIds.isEmpty()) {
                logger.warn("TikTok Shop shop {} has returns for orders it did not return in detail, left for the orders stream: {}",
                        shop, orderIds);
            }
        }
        return TikTokShopReturns.nextToken(data).map(next -> Page.more(records, next)).orElseGet(() -> Page.last(records));
    }

    private List<JsonNode> orders(String shop, List<String> ids) {
        List<JsonNode> orders = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += TikTokShopReturns.IDS_PER_CALL) {
            String chunk = String.join(",", ids.subList(start, Math.min(start + TikTokShopReturns.IDS_PER_CALL, ids.size())));
            connector.call("GET", "/order/202309/orders", Map.of("ids", chunk), Optional.of(shop), null).path("orders")
                    .forEach(orders::add);
        }
        return orders;
    }
}
