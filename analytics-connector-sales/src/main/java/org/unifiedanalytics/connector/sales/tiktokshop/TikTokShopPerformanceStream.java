package org.unifiedanalytics.connector.sales.tiktokshop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seller analytics: per day, the videos that sold the shop's products, with their GMV, views and
 * click-through rate ({@code GET /analytics/202509/shop_videos/performance}, T-1 data, so recent days are
 * read again). Stored as the day's own numbers under the platform {@code tiktok_shop} with the video's id,
 * so a video's shop clicks and GMV sit beside its TikTok views (same content id).
 */
final class TikTokShopVideoPerformanceStream implements DailyStream {
    static final String PLATFORM = "tiktok_shop";

    private final TikTokShopConnector connector;
    private final Clock clock;

    TikTokShopVideoPerformanceStream(TikTokShopConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "video_performance";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(Content.class, ContentMetrics.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.replacing(3, 1, PLATFORM, ContentMetrics.class);
    }

    @Override
    public Page readDays(String shop, DateRange days, Optional<String> pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("start_date_ge", days.from().toString());
        parameters.put("end_date_lt", days.toExclusive().toString());
        parameters.put("page_size", "50");
        parameters.put("currency", "LOCAL");
        parameters.put("granularity", "ALL");
        pageToken.ifPresent(token -> parameters.put("page_token", token));
        JsonNode data = connector.call("GET", "/analytics/202509/shop_videos/performance", parameters, Optional.of(shop), null);
        Instant now = clock.instant();
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode video : data.path("videos")) {
            String id = video.path("id").asText();
            Long views = video.hasNonNull("views") ? video.path("views").asLong() : null;
            BigDecimal ctr = clickThroughRate(video.path("click_through_rate").asText(null));
            Long clicks = views == null || ctr == null ? null : ctr.multiply(BigDecimal.valueOf(views)).setScale(0, RoundingMode.HALF_EVEN).longValue();
            JsonNode gmv = video.path("gmv");
            Money revenue = gmv.hasNonNull("amount") ? Money.of(new BigDecimal(gmv.path("amount").asText()), gmv.path("currency").asText())
                    : null;
            records.add(new Content(PLATFORM, id, shop, "video", video.path("title").asText(null), null,
                    video.hasNonNull("video_post_time") ? Instant.parse(video.path("video_post_time").asText()) : null, null, now));
            records.add(new ContentMetrics(PLATFORM, id, days.from(), shop, Counting.DAILY, views, null, null, null, null, null, null,
                    null, clicks, null, null, null, revenue, now));
        }
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() ? Page.last(records) : Page.more(records, next);
    }

    /**
     * A click-through rate as a fraction: TikTok Shop has answered both {@code "12.5%"} and {@code "0.125"};
     * a bare number above 1 can only be a percentage.
     */
    static BigDecimal clickThroughRate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        boolean percent = value.endsWith("%");
        BigDecimal number;
        try {
            number = new BigDecimal(percent ? value.substring(0, value.length() - 1).strip() : value);
        } catch (NumberFormatException e) {
            return null;
        }
        return percent || number.compareTo(BigDecimal.ONE) > 0 ? number.movePointLeft(2) : number;
    }
}
