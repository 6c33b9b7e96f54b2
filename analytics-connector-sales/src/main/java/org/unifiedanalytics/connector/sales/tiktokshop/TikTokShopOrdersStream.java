package org.unifiedanalytics.connector.sales.tiktokshop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders changed in {@code [since, until)}: {@code POST /order/202309/orders/search} sorted by update time,
 * ascending, paged by {@code page_token}; each page's returns are read beside it, so an order is always
 * written with all of its refunds ({@link TikTokShopOrderRecords}).
 */
final class TikTokShopOrdersStream implements CursorStream {
    private final TikTokShopConnector connector;
    private final TikTokShopReturns returns;
    private final int pageSize;

    TikTokShopOrdersStream(TikTokShopConnector connector, TikTokShopReturns returns, int pageSize) {
        this.connector = connector;
        this.returns = returns;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "orders";
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
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page_size", String.valueOf(pageSize));
        parameters.put("sort_field", "update_time");
        parameters.put("sort_order", "ASC");
        pageToken.ifPresent(token -> parameters.put("page_token", token));
        // The body is written once: the same bytes are signed and sent.
        String body = "{\"update_time_ge\":" + since.getEpochSecond() + ",\"update_time_lt\":" + until.getEpochSecond() + "}";
        JsonNode data = connector.call("POST", "/order/202309/orders/search", parameters, Optional.of(shop), body);
        List<String> ids = new ArrayList<>();
        data.path("orders").forEach(order -> ids.add(order.path("id").asText()));
        Map<String, List<JsonNode>> returns = ids.isEmpty() ? Map.of() : this.returns.ofOrders(shop, ids);
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode order : data.path("orders")) {
            records.addAll(TikTokShopOrderRecords.of(shop, order, returns.getOrDefault(order.path("id").asText(), List.of())));
        }
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() || data.path("orders").isEmpty() ? Page.last(records) : Page.more(records, next);
    }
}
