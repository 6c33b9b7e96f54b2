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
 * Returns, refunds and cancellations changed in {@code [since, until)}: the returns first, then the
 * cancellations (their page tokens start with {@code cancellations:}). A refund need not touch its order's
 * update time, so the orders stream alone could miss it: for each page of changed returns or cancellations,
 * their orders are read again ({@code GET /order/202309/orders?ids=...}) with all of their after-sales, and
 * written whole, so the order's refunded sum and its conversion's net revenue follow every refund.
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

    private static final String CANCELLATIONS = "cancellations:";

    @Override
    public Page readChanges(String shop, Instant since, Instant until, Optional<String> pageToken) {
        // a token without the prefix is a returns token, as every token was before cancellations were read
        TikTokShopReturns.Kind kind = pageToken.filter(t -> t.startsWith(CANCELLATIONS)).isPresent()
                ? TikTokShopReturns.Kind.CANCELLATIONS : TikTokShopReturns.Kind.RETURNS;
        Optional<String> token = kind == TikTokShopReturns.Kind.RETURNS ? pageToken
                : pageToken.map(t -> t.substring(CANCELLATIONS.length())).filter(t -> !t.isEmpty());
        JsonNode data = returns.updatedBetween(shop, kind, since.getEpochSecond(), until.getEpochSecond(), token);
        Set<String> orderIds = new LinkedHashSet<>();
        data.path(kind.listName).forEach(r -> orderIds.add(r.path("order_id").asText()));
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
                logger.warn("TikTok Shop shop {} has {} for orders it did not return in detail, left for the orders stream: {}",
                        shop, kind.listName, orderIds);
            }
        }
        Optional<String> next = TikTokShopReturns.nextToken(data, kind);
        if (kind == TikTokShopReturns.Kind.RETURNS) {
            return Page.more(records, next.orElse(CANCELLATIONS));
        }
        return next.map(n -> Page.more(records, CANCELLATIONS + n)).orElseGet(() -> Page.last(records));
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
