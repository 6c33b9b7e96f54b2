package org.unifiedanalytics.connector.tiktok;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

/** A fake TikTok with two accounts of one app: 40 days of account metrics, 25 recent posts and 2 old ones each. */
final class TikTokFixture {
    static final String APP_ID = "app-7011";
    static final String APP_SECRET = "app-secret-9f3c";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private TikTokFixture() {
    }

    static FakeTikTokApi seeded() {
        FakeTikTokApi tiktok = FakeTikTokApi.start(APP_ID, APP_SECRET, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        for (String id : new String[]{"biz-1", "biz-2"}) {
            FakeTikTokApi.Account account = tiktok.account(id, id.equals("biz-1") ? "clayandco" : "clayandco.studio")
                    .followers(48_210);
            for (int d = 0; d < 40; d++) {
                account.day(TODAY.minusDays(d), metrics(1000 + d, 40_000 - d * 10));
            }
            for (int v = 0; v < 25; v++) {
                account.video(id + "-73" + (1000 + v), NOW.minusSeconds(86_400L * (v * 3 + 1)), "Post " + v)
                        .counters(Map.of("video_views", 1000L + v * 10, "likes", 50L + v, "comments", 3L, "shares", 2L,
                                "favorites", 7L, "reach", 900L, "profile_views", 5L, "new_followers", 1L,
                                "total_time_watched", 3100L));
            }
            for (int v = 0; v < 2; v++) {
                account.video(id + "-old" + v, NOW.minusSeconds(86_400L * (400 + v)), "Old post " + v).views(99);
            }
        }
        return tiktok;
    }

    static Map<String, Long> metrics(long views, long followers) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("video_views", views);
        m.put("profile_views", views / 20);
        m.put("likes", views / 10);
        m.put("comments", 5L);
        m.put("shares", 3L);
        m.put("followers_count", followers);
        m.put("daily_new_followers", 12L);
        m.put("daily_lost_followers", 2L);
        return m;
    }

    static Map<String, String> config(FakeTikTokApi tiktok) {
        return Map.of("app_id", APP_ID, "app_secret", APP_SECRET, "accounts", "biz-1,biz-2",
                "refresh_tokens", tiktok.account("biz-1").refreshToken() + "," + tiktok.account("biz-2").refreshToken(),
                "base_url", tiktok.baseUrl(), "page_size", "10");
    }
}
