package org.unifiedanalytics.connector.sales.tiktokshop;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.OrderLine;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders changed in {@code [since, until)}: {@code POST /order/202309/orders/search} sorted by update time,
 * ascending, paged by {@code page_token}. TikTok Shop has no quantity field: each unit is its own line
 * item, so lines are grouped per SKU. Money comes as decimal strings in the order's currency. Cancelled
 * and sample orders are conversions worth nothing.
 */
final class TikTokShopOrdersStream implements CursorStream {
    private static final Set<String> WORTHLESS = Set.of("CANCELLED", "UNPAID");

    private final TikTokShopConnector connector;
    private final int pageSize;

    TikTokShopOrdersStream(TikTokShopConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(SalesOrder.class, OrderLine.class, Conversion.class);
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
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode order : data.path("orders")) {
            records.addAll(toRecords(shop, order));
        }
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() || data.path("orders").isEmpty() ? Page.last(records) : Page.more(records, next);
    }

    static List<WarehouseRecord> toRecords(String shop, JsonNode o) {
        JsonNode payment = o.path("payment");
        String currency = payment.path("currency").asText();
        String id = o.path("id").asText();
        Instant created = Instant.ofEpochSecond(o.path("create_time").asLong());
        Instant updated = Instant.ofEpochSecond(o.path("update_time").asLong(o.path("create_time").asLong()));
        Instant cancelled = o.hasNonNull("cancel_time") && o.path("cancel_time").asLong() > 0
                ? Instant.ofEpochSecond(o.path("cancel_time").asLong()) : null;
        Money total = money(payment, "total_amount", currency);
        Money zero = Money.zero(total.currency());
        Money discounts = money(payment, "seller_discount", currency).plus(money(payment, "platform_discount", currency));
        String buyer = o.path("user_id").asText("");
        // The buyer's email is a relay address; the platform's user id is the stable identity.
        CustomerKey customer = buyer.isEmpty() ? null : CustomerKey.of("tiktok_shop:" + buyer);
        String status = o.path("status").asText(null);
        SalesOrder order = new SalesOrder(TikTokShopConnector.PLATFORM, id, shop, id, created, updated, cancelled, status,
                o.path("fulfillment_type").asText(null), money(payment, "sub_total", currency), discounts,
                money(payment, "shipping_fee", currency), money(payment, "tax", currency), total, zero, customer, Utm.NONE,
                null, null, null);
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(order);
        Map<String, List<JsonNode>> bySku = new LinkedHashMap<>();
        for (JsonNode line : o.path("line_items")) {
            bySku.computeIfAbsent(line.path("sku_id").asText(line.path("id").asText()), k -> new ArrayList<>()).add(line);
        }
        bySku.forEach((sku, units) -> {
            JsonNode first = units.get(0);
            Money lineTotal = zero;
            Money lineDiscount = zero;
            for (JsonNode unit : units) {
                lineTotal = lineTotal.plus(money(unit, "sale_price", currency));
                lineDiscount = lineDiscount.plus(money(unit, "seller_discount", currency)).plus(money(unit, "platform_discount", currency));
            }
            records.add(new OrderLine(TikTokShopConnector.PLATFORM, id, sku, first.path("seller_sku").asText(null),
                    first.path("product_id").asText(null), sku, first.path("product_name").asText(null), units.size(),
                    money(first, "original_price", currency), lineDiscount, lineTotal));
        });
        boolean counts = !WORTHLESS.contains(status) && !o.path("is_sample_order").asBoolean(false);
        records.add(new Conversion(TikTokShopConnector.PLATFORM, id, customer, created, counts ? total : zero, "order"));
        return records;
    }

    private static Money money(JsonNode node, String field, String currency) {
        String text = node.path(field).asText("");
        return Money.of(text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text), currency);
    }
}
