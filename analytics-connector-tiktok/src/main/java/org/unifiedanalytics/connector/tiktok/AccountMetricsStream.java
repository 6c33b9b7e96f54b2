package org.unifiedanalytics.connector.tiktok;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.AccountMetrics;
import org.unifiedanalytics.model.records.SourceAccount;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Daily account metrics from {@code business/get/}: per UTC day, video views, profile views, likes,
 * comments, shares, followers and new / lost followers; and the account's profile. Re-read over the
 * lookback, because TikTok's daily numbers settle 24-48 h late; each window replaces its days.
 */
final class AccountMetricsStream implements DailyStream {
    static final String FIELDS = "[\"username\",\"display_name\",\"followers_count\",\"video_views\",\"profile_views\","
            + "\"likes\",\"comments\",\"shares\",\"daily_new_followers\",\"daily_lost_followers\"]";

    private final TikTokConnector connector;
    private final java.time.Clock clock;
    private final int lookbackDays;

    AccountMetricsStream(TikTokConnector connector, java.time.Clock clock, int lookbackDays) {
        this.connector = connector;
        this.clock = clock;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String name() {
        return "account_metrics";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(AccountMetrics.class, SourceAccount.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.replacing(lookbackDays, 30, TikTokConnector.PLATFORM, AccountMetrics.class);
    }

    /**
     * TikTok keeps daily account metrics for about 60 days (two secondary sources; the official page says no
     * number): a day earlier is refused, so windows start at the 59th day back, and older stored days are kept.
     */
    static final int SERVED_DAYS = 59;

    @Override
    public Optional<LocalDate> earliestDay(String account) {
        return Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(SERVED_DAYS));
    }

    @Override
    public Page readDays(String account, DateRange days, Optional<String> pageToken) {
        JsonNode data = connector.call(account, token -> org.unifiedanalytics.connect.http.ApiRequest.get("business/get/")
                .query("business_id", account).query("fields", FIELDS)
                .query("start_date", days.from()).query("end_date", days.lastDay()).build());
        Instant fetched = clock.instant();
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(new SourceAccount(TikTokConnector.PLATFORM, account, data.path("display_name").asText(null),
                data.path("username").asText(null), ZoneOffset.UTC, null, fetched));
        for (JsonNode day : data.path("metrics")) {
            LocalDate date = LocalDate.parse(day.path("date").asText());
            if (date.isBefore(days.from()) || !date.isBefore(days.toExclusive())) {
                continue;
            }
            records.add(new AccountMetrics(TikTokConnector.PLATFORM, account, date, number(day, "followers_count"),
                    number(day, "daily_new_followers"), number(day, "daily_lost_followers"), number(day, "profile_views"),
                    number(day, "video_views"), number(day, "likes"), number(day, "comments"), number(day, "shares"), fetched));
        }
        return Page.last(records);
    }

    static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Long.valueOf(value.asLong()) : value.isTextual() && !value.asText().isEmpty() ? Long.valueOf(value.asText()) : null;
    }
}
