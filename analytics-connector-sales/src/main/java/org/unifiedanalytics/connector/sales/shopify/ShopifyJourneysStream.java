package org.unifiedanalytics.connector.sales.shopify;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * Orders created in the last {@value #LOOKBACK_DAYS} days, read again on every run: Shopify attributes an
 * order's customer journey after the order ({@code customerJourneySummary.ready} is false until then) and
 * does not bump {@code updatedAt} when it does, so the cursor of {@link ShopifyOrdersStream} would never
 * come back for it. Records are the same as the orders stream's, upserted.
 */
final class ShopifyJourneysStream implements DailyStream {
    static final int LOOKBACK_DAYS = 7;

    private final ShopifyOrderPages pages;

    ShopifyJourneysStream(ShopifyOrderPages pages) {
        this.pages = pages;
    }

    @Override
    public String name() {
        return "journeys";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return ShopifyOrderRecords.KINDS;
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.upserting(LOOKBACK_DAYS, LOOKBACK_DAYS);
    }

    @Override
    public Page readDays(String shop, DateRange days, Optional<String> pageToken) {
        return pages.read(shop, "created_at:>='" + start(days.from()) + "' AND created_at:<'" + start(days.toExclusive()) + "'",
                pageToken);
    }

    private static String start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
