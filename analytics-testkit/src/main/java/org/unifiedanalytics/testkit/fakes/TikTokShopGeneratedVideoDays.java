package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A shop's seller-analytics video rows made up on demand: the same {@code videosPerDay} videos every day, their
 * numbers varying with the day, so that a scale test can page through a million daily rows without the fake
 * holding them ({@link FakeTikTokShopApi#generatedVideoDays}). The rows of a range are its days in order, each day's
 * videos in id order.
 */
record TikTokShopGeneratedVideoDays(String shop, int videosPerDay, String currency) {
    private static final long FIRST_ID = 7_400_000_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The videos list's data for the days {@code [first, end)}: one page. */
    ObjectNode page(LocalDate first, LocalDate end, int pageSize, Optional<String> pageToken) {
        long days = Math.max(0, ChronoUnit.DAYS.between(first, end));
        long total = days * videosPerDay;
        long offset = pageToken.map(t -> Long.parseLong(t.substring(2))).orElse(0L);
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray(TikTokShopSellerAnalytics.Kind.VIDEOS.listName);
        for (long i = offset; i < Math.min(total, offset + pageSize); i++) {
            list.add(video(first.plusDays(i / videosPerDay), (int) (i % videosPerDay)));
        }
        data.put("next_page_token", offset + pageSize < total ? "ap" + (offset + pageSize) : "")
                .put("total_count", total).put("latest_available_date", end.toString());
        return data;
    }

    private ObjectNode video(LocalDate day, int v) {
        long seed = day.toEpochDay() * 31 + v;
        ObjectNode row = JSON.createObjectNode().put("id", String.valueOf(FIRST_ID + v)).put("title", "Video " + v)
                .put("views", 100 + (seed * 7919) % 100_000).put("click_through_rate", (seed % 200) / 10.0 + "%")
                .put("items_sold", seed % 7).put("sku_orders", seed % 5).put("video_post_time", 1_700_000_000L + v * 600L);
        row.putObject("gmv").put("amount", BigDecimal.valueOf((seed * 104_729) % 1_000_000, 2).toPlainString())
                .put("currency", currency);
        return row;
    }
}
