package org.unifiedanalytics.testkit.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fake TikTok Shop's seller analytics: per-day rows of videos (202509 {@code shop_videos/performance}) and
 * products (202405 {@code shop_products/performance}), and their pages: rows of one shop whose day lies in
 * {@code [start_date_ge, end_date_lt)}, at most {@link #MAX_PAGE_SIZE} a page, by {@code page_token}.
 */
final class TikTokShopSellerAnalytics {
    static final int MAX_PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of the two lists: the name of the list in an answer. */
    enum Kind {
        VIDEOS("videos"), PRODUCTS("products");

        final String listName;

        Kind(String listName) {
            this.listName = listName;
        }
    }

    private final List<ObjectNode> videoDays = new ArrayList<>();
    private final List<ObjectNode> productDays = new ArrayList<>();
    private final Map<String, TikTokShopGeneratedVideoDays> generated = new ConcurrentHashMap<>();

    void generate(TikTokShopGeneratedVideoDays videoDays) {
        generated.put(videoDays.shop(), videoDays);
    }

    synchronized void videoDay(String shop, LocalDate day, String videoId, String title, long views, String gmv, String currency,
                               String clickThroughRate) {
        ObjectNode row = JSON.createObjectNode().put("shop", shop).put("day", day.toString()).put("id", videoId).put("title", title)
                .put("views", views).put("click_through_rate", clickThroughRate).put("items_sold", 3).put("sku_orders", 2);
        row.putObject("gmv").put("amount", gmv).put("currency", currency);
        videoDays.add(row);
    }

    synchronized void productDay(String shop, LocalDate day, String productId, String gmv, String currency, long orders,
                                 long unitsSold, String clickThroughRate) {
        ObjectNode row = JSON.createObjectNode().put("shop", shop).put("day", day.toString()).put("id", productId)
                .put("orders", orders).put("units_sold", unitsSold).put("click_through_rate", clickThroughRate);
        row.putObject("gmv").put("amount", gmv).put("currency", currency);
        productDays.add(row);
    }

    synchronized void videoPostTime(String videoId, String asWritten) {
        videoDays.stream().filter(v -> v.path("id").asText().equals(videoId)).forEach(v -> v.put("video_post_time", asWritten));
    }

    /** One page of a shop's rows ({@code from} and {@code to} are dates), or empty when the page size is out of range. */
    synchronized Optional<ObjectNode> page(Kind kind, String shop, String from, String to, int pageSize, Optional<String> pageToken) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return Optional.empty();
        }
        TikTokShopGeneratedVideoDays made = generated.get(shop);
        if (made != null) {
            return kind == Kind.VIDEOS ? Optional.of(made.page(LocalDate.parse(from), LocalDate.parse(to), pageSize, pageToken))
                    : Optional.of(JSON.createObjectNode().<ObjectNode>set(kind.listName, JSON.createArrayNode())
                            .put("next_page_token", "").put("total_count", 0).put("latest_available_date", to));
        }
        List<ObjectNode> matching = (kind == Kind.VIDEOS ? videoDays : productDays).stream()
                .filter(v -> v.path("shop").asText().equals(shop))
                .filter(v -> v.path("day").asText().compareTo(from) >= 0 && v.path("day").asText().compareTo(to) < 0)
                .toList();
        int offset = pageToken.map(t -> Integer.parseInt(t.substring(2))).orElse(0);
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray(kind.listName);
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + pageSize, matching.size()))
                .forEach(v -> list.add(v.deepCopy().without(List.of("shop", "day"))));
        data.put("next_page_token", offset + pageSize < matching.size() ? "ap" + (offset + pageSize) : "")
                .put("total_count", matching.size()).put("latest_available_date", to);
        return Optional.of(data);
    }
}
