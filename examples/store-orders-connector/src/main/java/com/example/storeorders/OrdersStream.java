package com.example.storeorders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.OrderLine;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.MarketingChannel;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders changed in a time range, page by page: {@code GET /v1/stores/{store}/orders?updated_at_min&updated_at_max&limit&page_info}.
 * Each order becomes a {@link SalesOrder}, its lines {@link OrderLine}s, and a {@link Conversion} at its net revenue.
 */
final class OrdersStream implements CursorStream {
    static final String PLATFORM = "store_orders";

    private final ApiClient api;
    private final int pageSize;

    OrdersStream(ApiClient api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(SalesOrder.class, OrderLine.class, Conversion.class, Touchpoint.class);
    }

    @Override
    public Duration overlap() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Page readChanges(String store, Instant since, Instant until, Optional<String> pageToken) {
        JsonNode body = api.send(ApiRequest.get("/v1/stores/" + store + "/orders")
                .query("updated_at_min", since)
                .query("updated_at_max", until)
                .query("limit", pageSize)
                .query("page_info", pageToken.orElse(null))
                .build()).json();
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode order : body.path("orders")) {
            records.addAll(toRecords(store, order));
        }
        JsonNode next = body.path("next_page_info");
        return next.isTextual() && !next.asText().isEmpty() ? Page.more(records, next.asText()) : Page.last(records);
    }

    private static List<WarehouseRecord> toRecords(String store, JsonNode o) {
        String currency = o.path("currency").asText();
        String id = o.path("id").asText();
        Instant created = Instant.parse(o.path("created_at").asText());
        String email = o.path("email").asText("");
        CustomerKey customer = email.isEmpty() ? null : CustomerKey.fromEmail(email);
        Money total = money(o, "total", currency);
        Money refunded = money(o, "refunded", currency);
        SalesOrder order = new SalesOrder(PLATFORM, id, store, o.path("number").asText(null), created,
                Instant.parse(o.path("updated_at").asText()), null, o.path("financial_status").asText(null), null,
                money(o, "subtotal", currency), money(o, "discount", currency), money(o, "shipping", currency),
                money(o, "tax", currency), total, refunded, customer,
                new Utm(text(o, "utm_source"), text(o, "utm_medium"), text(o, "utm_campaign"), text(o, "utm_content"), null),
                text(o, "referring_site"), text(o, "landing_page"), null);
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(order);
        for (JsonNode line : o.path("lines")) {
            records.add(new OrderLine(PLATFORM, id, line.path("id").asText(), text(line, "sku"), null, null,
                    text(line, "title"), line.path("quantity").asInt(), money(line, "unit_price", currency),
                    Money.zero(total.currency()), money(line, "total", currency)));
        }
        Money net = order.netRevenue();
        records.add(new Conversion(PLATFORM, id, customer, created, net.isNegative() ? Money.zero(net.currency()) : net, "order"));
        // The buyer's visits before the order, with their UTM parameters, are the touches attribution credits.
        int visit = 0;
        for (JsonNode v : o.path("visits")) {
            visit++;
            if (customer == null) {
                continue;
            }
            String source = text(v, "utm_source");
            String medium = text(v, "utm_medium");
            String campaign = text(v, "utm_campaign");
            records.add(new Touchpoint(PLATFORM, id + "/visit/" + visit, customer, Instant.parse(v.path("occurred_at").asText()),
                    "session", MarketingChannel.of(source, medium), CLASSIFIER.classify(source, medium, campaign), source, medium, campaign,
                    text(v, "utm_content")));
        }
        return records;
    }

    private static final ChannelClassifier CLASSIFIER = ChannelClassifier.ga4Default();

    private static Money money(JsonNode node, String field, String currency) {
        return Money.of(new BigDecimal(node.path(field).asText("0")), currency);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
