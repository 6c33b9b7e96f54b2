package org.unifiedanalytics.connector.tiktok;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.JsonFields;
import org.unifiedanalytics.connect.http.Pagination;
import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every post with its lifetime metrics from {@code business/video/list/}, stored as a snapshot dated
 * today (UTC): TikTok's counters are totals at the moment of reading, so one snapshot per post per day
 * makes the daily increase derivable ({@code content_metric_increase}). A backfill over past days loads the
 * posts published in them, with today's counters as today's snapshot: TikTok gives no past day's counters,
 * and none are made up. Posts come newest first; paging stops at posts older than the range or the maximum age.
 * A post deleted on TikTok keeps its stored snapshots.
 */
final class VideoSnapshotsStream implements DailyStream {
    static final String FIELDS = "[\"item_id\",\"create_time\",\"caption\",\"share_url\",\"media_type\",\"video_duration\","
            + "\"video_views\",\"reach\",\"likes\",\"comments\",\"shares\",\"favorites\",\"average_time_watched\","
            + "\"total_time_watched\",\"full_video_watched_rate\",\"profile_views\",\"new_followers\",\"website_clicks\"]";

    private final TikTokConnector connector;
    private final Clock clock;
    private final int maxPostAgeDays;
    private final int pageSize;

    VideoSnapshotsStream(TikTokConnector connector, Clock clock, int maxPostAgeDays, int pageSize) {
        this.connector = connector;
        this.clock = clock;
        this.maxPostAgeDays = maxPostAgeDays;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "video_snapshots";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(Content.class, ContentMetrics.class);
    }

    @Override
    public DailyWindow window() {
        // Lookback 1: a second run on the same day refreshes today's snapshot with the newer totals. Windows are long
        // so that a backfill lists the posts once, not once per day.
        return DailyWindow.upserting(1, 400);
    }

    @Override
    public Page readDays(String account, DateRange days, Optional<String> pageToken) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // A window with today reads every post of the last max_post_age_days; a window of past days (a backfill)
        // reads the posts published in it. Either way the counters are today's: TikTok gives no past day's.
        boolean withToday = !today.isBefore(days.from()) && today.isBefore(days.toExclusive());
        Instant publishedFrom = days.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant publishedTo = days.toExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode data = connector.call(account, token -> ApiRequest.get("business/video/list/")
                .query("business_id", account).query("fields", FIELDS).query("max_count", pageSize)
                .query("cursor", pageToken.orElse(null)).build());
        Instant maxAge = now.minusSeconds(86_400L * maxPostAgeDays);
        Instant oldest = withToday ? maxAge : publishedFrom;
        List<WarehouseRecord> records = new ArrayList<>();
        boolean reachedOldPosts = false;
        for (JsonNode video : data.path("videos")) {
            Instant created = Instant.ofEpochSecond(video.path("create_time").asLong());
            if (created.isBefore(oldest)) {
                reachedOldPosts = true;
                continue;
            }
            if (!withToday && !created.isBefore(publishedTo)) {
                continue;   // newer than the backfilled days: the incremental sync keeps those
            }
            String id = video.path("item_id").asText();
            records.add(new Content(TikTokConnector.PLATFORM, id, account,
                    video.path("media_type").asText("VIDEO").toLowerCase(Locale.ROOT), text(video, "caption"),
                    text(video, "share_url"), created, decimal(video, "video_duration"), now));
            records.add(ContentMetrics.builder(TikTokConnector.PLATFORM, id, today, account, Counting.LIFETIME, now)
                    .views(number(video, "video_views")).reach(number(video, "reach")).likes(number(video, "likes"))
                    .comments(number(video, "comments")).shares(number(video, "shares")).saves(number(video, "favorites"))
                    .profileVisits(number(video, "profile_views")).linkClicks(number(video, "website_clicks"))
                    .watchTimeSeconds(decimal(video, "total_time_watched"))
                    .completionRate(rate(decimal(video, "full_video_watched_rate")))
                    .followersGained(number(video, "new_followers")).build());
        }
        Optional<String> next = reachedOldPosts ? Optional.empty() : Pagination.cursor(data, "/cursor", "/has_more");
        return new Page(records, next);
    }

    /** A share as a fraction 0..1: some clients report 18.3 for 18.3%. */
    static BigDecimal rate(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal fraction = value.compareTo(BigDecimal.ONE) > 0 ? value.movePointLeft(2) : value;
        return fraction.setScale(Math.min(6, Math.max(0, fraction.scale())), java.math.RoundingMode.HALF_EVEN);
    }

    private static Long number(JsonNode node, String field) {
        return AccountMetricsStream.number(node, field);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue().setScale(Math.min(3, Math.max(0, value.decimalValue().scale())), java.math.RoundingMode.HALF_EVEN);
        }
        return value.isTextual() && !value.asText().isEmpty() ? new BigDecimal(value.asText()) : null;
    }

    private static String text(JsonNode node, String field) {
        return JsonFields.text(node, field).orElse(null);
    }
}
