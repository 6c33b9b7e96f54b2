package org.unifiedanalytics.connector.ga4;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.records.WebPurchaseSession;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The session each e-commerce purchase came in, by transaction id and minute: GA4 never says who a visitor was,
 * but a store sends its order id or number as the transaction id, so once the store's order is in the warehouse
 * the session becomes that customer's touchpoint (see {@code PurchaseSessionTouchpoints}). One reporting day per
 * window in the property's zone, re-read over the lookback.
 */
final class PurchaseSessionsStream implements DailyStream {
    static final List<String> DIMENSIONS = List.of("dateHourMinute", "transactionId", "sessionSource", "sessionMedium",
            "sessionCampaignName", "sessionDefaultChannelGroup");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final Ga4Connector connector;
    private final int lookbackDays;
    private final ChannelClassifier classifier = ChannelClassifier.ga4Default();

    PurchaseSessionsStream(Ga4Connector connector, int lookbackDays) {
        this.connector = connector;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String name() {
        return "purchase_sessions";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(WebPurchaseSession.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.upserting(lookbackDays, 1);
    }

    @Override
    public ZoneId reportingZone(String property) {
        return connector.info(property).timeZone();
    }

    @Override
    public Page readDays(String property, DateRange days, Optional<String> pageToken) {
        ObjectNode body = connector.api().dayReport(days, DIMENSIONS, List.of("ecommercePurchases", "purchaseRevenue"),
                List.of("transactionId", "dateHourMinute"));
        Ga4Report report = connector.api().runAll(property, body, connector.pageSize());
        ZoneId zone = report.metadata().timeZone();
        String currency = report.metadata().currency().map(java.util.Currency::getCurrencyCode).orElse(null);
        Instant fetched = connector.clock().instant();
        Set<String> seen = new HashSet<>();
        List<WarehouseRecord> records = new ArrayList<>();
        for (Ga4Report.Row row : report.rows()) {
            String transaction = row.dimensionValues().get(report.dimension("transactionId"));
            Long purchases = report.count(row, "ecommercePurchases");
            // "(not set)": a purchase the site sent without a transaction id; nothing can join it to an order.
            if (transaction.isBlank() || transaction.equals("(not set)") || purchases == null || purchases == 0
                    || !seen.add(transaction)) {
                continue;
            }
            Instant at = LocalDateTime.parse(row.dimensionValues().get(report.dimension("dateHourMinute")), MINUTE)
                    .atZone(zone).toInstant();
            String source = row.dimensionValues().get(report.dimension("sessionSource"));
            String medium = row.dimensionValues().get(report.dimension("sessionMedium"));
            String campaign = row.dimensionValues().get(report.dimension("sessionCampaignName"));
            BigDecimal revenue = report.metric(row, "purchaseRevenue");
            records.add(new WebPurchaseSession(Ga4Connector.PLATFORM, property, transaction, at, source, medium, campaign,
                    classifier.classify(source, medium, campaign),
                    row.dimensionValues().get(report.dimension("sessionDefaultChannelGroup")),
                    revenue == null || currency == null ? null
                            : Money.of(revenue.setScale(Money.SCALE, RoundingMode.HALF_EVEN), currency), fetched));
        }
        return Page.last(records);
    }
}
