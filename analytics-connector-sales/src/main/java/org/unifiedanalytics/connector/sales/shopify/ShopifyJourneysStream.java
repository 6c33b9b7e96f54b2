package org.unifiedanalytics.connector.sales.shopify;

import java.time.Clock;
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
 *
 * <p>Days older than that are not read, not even in a backfill: their journeys were ready when the orders stream
 * read those orders (by bulk export or page), and reading them again page by page would spend the shop's query cost
 * budget for nothing (a year's backfill is 366 days of queries, hours at a standard shop's 50 points a second).
 */
final class ShopifyJourneysStream implements DailyStream {
    static final int LOOKBACK_DAYS = 7;

    private final ShopifyOrderPages pages;
    private final Clock clock;

    ShopifyJourneysStream(ShopifyOrderPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
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
        LocalDate oldest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(LOOKBACK_DAYS);
        if (!days.toExclusive().isAfter(oldest)) {
            return Page.last(List.of());
        }
        LocalDate from = days.from().isBefore(oldest) ? oldest : days.from();
        return pages.read(shop, "created_at:>='" + start(from) + "' AND created_at:<'" + start(days.toExclusive()) + "'",
                pageToken);
    }

    private static String start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
