package org.unifiedanalytics.connector.sales.tiktokshop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import org.unifiedanalytics.model.records.SourceAccount;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seller analytics, per day (T-1 data, so recent days are read again), written to the content tables under
 * the platform {@code tiktok_shop}. The days are the shop's local days; their zone
 * ({@link TikTokShopMarkets}) is stored with the shop in {@code source_account}.
 * <ul>
 *   <li>the videos that sold the shop's products ({@code GET /analytics/202509/shop_videos/performance}):
 *       GMV, SKU orders, items sold, views, click-through rate and the product clicks it implies, under the
 *       video's own id, so a video's shop sales sit beside its TikTok views;</li>
 *   <li>the shop's products ({@code GET /analytics/202405/shop_products/performance}): GMV, orders, units sold
 *       and click-through rate, as content of kind {@code product} under the product id.</li>
 * </ul>
 * Both lists are one stream because a window replaces its days of {@code tiktok_shop} content metrics whole
 * (so a video that vanished from a day disappears): two streams would delete each other's rows. The page
 * token says which list a page continues.
 */
final class TikTokShopPerformanceStream implements DailyStream {
    static final String PLATFORM = "tiktok_shop";
    static final String VIDEOS_PATH = "/analytics/202509/shop_videos/performance";
    static final String PRODUCTS_PATH = "/analytics/202405/shop_products/performance";
    private static final String VIDEOS = "videos:";
    private static final String PRODUCTS = "products:";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final TikTokShopConnector connector;
    private final Clock clock;
    private final int pageSize;

    TikTokShopPerformanceStream(TikTokShopConnector connector, Clock clock, int pageSize) {
        this.connector = connector;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "performance";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(SourceAccount.class, Content.class, ContentMetrics.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.replacing(3, 1, PLATFORM, ContentMetrics.class);
    }

    @Override
    public Page readDays(String shop, DateRange days, Optional<String> pageToken) {
        String token = pageToken.orElse(VIDEOS);
        if (token.startsWith(VIDEOS)) {
            ZoneId zone = connector.zoneOf(shop);
            JsonNode data = read(shop, VIDEOS_PATH, days, token.substring(VIDEOS.length()));
            List<WarehouseRecord> records = new ArrayList<>();
            if (pageToken.isEmpty()) {
                // the zone its days are in, stored beside the shop so that nobody has to guess it
                records.add(new SourceAccount(PLATFORM, shop, connector.authorizedShop(shop).name(), null, zone, null,
                        clock.instant()));
            }
            records.addAll(videos(shop, days, data, zone));
            String next = data.path("next_page_token").asText("");
            return Page.more(records, next.isEmpty() ? PRODUCTS : VIDEOS + next);
        }
        if (!token.startsWith(PRODUCTS)) {
            throw new IllegalStateException("a page token of the performance stream names neither videos nor products: " + token);
        }
        JsonNode data = read(shop, PRODUCTS_PATH, days, token.substring(PRODUCTS.length()));
        List<WarehouseRecord> records = products(shop, days, data);
        String next = data.path("next_page_token").asText("");
        return next.isEmpty() ? Page.last(records) : Page.more(records, PRODUCTS + next);
    }

    private JsonNode read(String shop, String path, DateRange days, String pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("start_date_ge", days.from().toString());
        parameters.put("end_date_lt", days.toExclusive().toString());
        parameters.put("page_size", String.valueOf(pageSize));
        parameters.put("currency", "LOCAL");
        if (!pageToken.isEmpty()) {
            parameters.put("page_token", pageToken);
        }
        try {
            return connector.call("GET", path, parameters, Optional.of(shop), null);
        } catch (TikTokShopErrors.AccessDenied e) {
            throw analyticsRefused(shop, e);
        }
    }

    /** What the seller or the app must enable when TikTok Shop refuses seller analytics. */
    static TikTokShopErrors.AccessDenied analyticsRefused(String shop, TikTokShopErrors.AccessDenied refused) {
        return new TikTokShopErrors.AccessDenied("TikTok Shop refused seller analytics for shop " + shop + " ("
                + refused.getMessage() + "): the shop must have Seller Analytics in its market, and the app must hold the"
                + " scope data.shop_analytics.public.read when the seller authorizes it; add the scope to the app in Partner"
                + " Center and have the seller authorize again. Orders and returns are read without it.", refused.request(),
                refused.status());
    }

    private List<WarehouseRecord> videos(String shop, DateRange days, JsonNode data, ZoneId zone) {
        Instant now = clock.instant();
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode video : data.path("videos")) {
            String id = video.path("id").asText();
            Long views = count(video, "views");
            BigDecimal ctr = clickThroughRate(video.path("click_through_rate").asText(null));
            Long clicks = views == null || ctr == null ? null
                    : ctr.multiply(BigDecimal.valueOf(views)).setScale(0, RoundingMode.HALF_EVEN).longValue();
            records.add(new Content(PLATFORM, id, shop, "video", video.path("title").asText(null), null,
                    postTime(video.path("video_post_time"), zone), null, now));
            records.add(ContentMetrics.builder(PLATFORM, id, days.from(), shop, Counting.DAILY, now).views(views).productClicks(clicks)
                    .attributedGmv(gmv(video)).orders(count(video, "sku_orders"))
                    .unitsSold(Optional.ofNullable(count(video, "items_sold")).orElse(count(video, "units_sold")))
                    .clickThroughRate(ctr).build());
        }
        return records;
    }

    private List<WarehouseRecord> products(String shop, DateRange days, JsonNode data) {
        Instant now = clock.instant();
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode product : data.path("products")) {
            String id = product.path("id").asText();
            records.add(new Content(PLATFORM, id, shop, "product", product.path("name").asText(null), null, null, null, now));
            records.add(ContentMetrics.builder(PLATFORM, id, days.from(), shop, Counting.DAILY, now).attributedGmv(gmv(product))
                    .orders(count(product, "orders")).unitsSold(count(product, "units_sold"))
                    .clickThroughRate(clickThroughRate(product.path("click_through_rate").asText(null))).build());
        }
        return records;
    }

    private static Money gmv(JsonNode row) {
        JsonNode gmv = row.path("gmv");
        return gmv.hasNonNull("amount") ? Money.of(new BigDecimal(gmv.path("amount").asText()), gmv.path("currency").asText())
                : null;
    }

    private static Long count(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.path(field).asLong() : null;
    }

    /**
     * The post time as TikTok Shop writes it: Unix seconds, ISO-8601 with an offset, or the shop's local
     * {@code yyyy-MM-dd HH:mm:ss}. Any other form is not guessed at.
     */
    static Instant postTime(JsonNode value, ZoneId zone) {
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text, LOCAL_TIME).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * A click-through rate as a fraction: TikTok Shop has answered both {@code "12.5%"} and {@code "0.125"};
     * a bare number above 1 can only be a percentage. Anything else, or a rate outside 0..100%, is unknown.
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
        BigDecimal fraction = percent || number.compareTo(BigDecimal.ONE) > 0 ? number.movePointLeft(2) : number;
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            return null;
        }
        // the warehouse keeps six decimals (a ten-thousandth of a percent)
        return fraction.scale() > 6 ? fraction.setScale(6, RoundingMode.HALF_EVEN) : fraction;
    }
}
