package org.unifiedanalytics.connector.sales.shopify;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Orders created in the last {@value #LOOKBACK_DAYS} days, read again on every run: Shopify attributes an
 * order's customer journey after the order ({@code customerJourneySummary.ready} is false until then) and
 * does not bump {@code updatedAt} when it does, so the cursor of {@link ShopifyOrdersStream} would never
 * come back for it. Records are the same as the orders stream's, upserted.
 */
final class ShopifyJourneysStream implements DailyStream {
    static final int LOOKBACK_DAYS = 7;

    private final ShopifyConnector connector;
    private final int pageSize;

    ShopifyJourneysStream(ShopifyConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "journeys";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return new ShopifyOrdersStream(connector, pageSize).produces();
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.upserting(LOOKBACK_DAYS, LOOKBACK_DAYS);
    }

    @Override
    public Page readDays(String shop, DateRange days, Optional<String> pageToken) {
        ObjectNode variables = connector.api().objectMapper().createObjectNode()
                .put("q", "created_at:>='" + start(days.from()) + "' AND created_at:<'" + start(days.toExclusive()) + "'")
                .put("first", pageSize);
        if (pageToken.isPresent()) {
            variables.put("after", pageToken.get());
        } else {
            variables.putNull("after");
        }
        JsonNode orders = connector.graphql(ShopifyOrdersStream.QUERY, variables).path("orders");
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode order : orders.path("nodes")) {
            if (!order.path("test").asBoolean(false)) {
                records.addAll(ShopifyOrdersStream.toRecords(shop, order));
            }
        }
        JsonNode info = orders.path("pageInfo");
        return info.path("hasNextPage").asBoolean(false) ? Page.more(records, info.path("endCursor").asText()) : Page.last(records);
    }

    private static String start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
