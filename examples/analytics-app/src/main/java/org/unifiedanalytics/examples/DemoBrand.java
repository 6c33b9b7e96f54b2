package org.unifiedanalytics.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.unifiedanalytics.examples.DemoOrder.Visit;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

/**
 * A deterministic, plausible small brand for the demo: a TikTok account with 240 videos over 90 days and
 * their view curves, 90 days of account metrics, and 300 orders: about three in four in its web store, whose buyers
 * came from TikTok videos, email campaigns, search and direct visits, the rest in its TikTok Shop, bought from a
 * video. The same seed gives the same brand every day. {@link DemoStores} serves the orders as Shopify and TikTok
 * Shop do; {@link DemoChannels} the website's GA4 traffic and the Klaviyo newsletters around the same visits.
 */
final class DemoBrand {
    static final String APP_ID = "demo-app";
    static final String APP_SECRET = "demo-app-secret";
    static final String BUSINESS_ID = "biz-clayandco";

    /** Posts over the 90 days: one every nine hours or so. */
    static final int VIDEOS = 240;

    /**
     * The brand's "now": the start of today (UTC), so that every generated order and post lies in the past
     * whenever the demo runs (a sync never reads past its own start), and two runs on one day agree.
     */
    final Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
    final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    final List<String> videoIds = new ArrayList<>();
    final List<Instant> videoTimes = new ArrayList<>();

    FakeTikTokApi tiktok() {
        Random random = new Random(7);
        FakeTikTokApi api = FakeTikTokApi.start(APP_ID, APP_SECRET);
        FakeTikTokApi.Account account = api.account(BUSINESS_ID, "clayandco").followers(48_210);
        long followers = 40_000;
        for (int d = 89; d >= 0; d--) {
            long views = 8_000 + random.nextInt(6_000) + (89 - d) * 120L;
            long gained = 40 + random.nextInt(80);
            followers += gained - 10;
            Map<String, Long> day = new LinkedHashMap<>();
            day.put("video_views", views);
            day.put("profile_views", views / 30);
            day.put("likes", views / 12);
            day.put("comments", views / 200);
            day.put("shares", views / 150);
            day.put("followers_count", followers);
            day.put("daily_new_followers", gained);
            day.put("daily_lost_followers", 10L);
            account.day(today.minusDays(d), day);
        }
        for (int v = 0; v < VIDEOS; v++) {
            String id = "73" + (11_000_000_000_000_000L + v * 7_919L);
            // From 89 days ago to a day and a half ago: never in the future.
            Instant created = now.minus(89 * 24L - (long) (v * 8.8), ChronoUnit.HOURS).minus(random.nextInt(6), ChronoUnit.HOURS);
            double ageDays = (now.getEpochSecond() - created.getEpochSecond()) / 86_400.0;
            long potential = 2_000 + random.nextInt(48_000);
            long views = Math.round(potential * (1 - Math.exp(-ageDays / 5)));
            videoIds.add(id);
            videoTimes.add(created);
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("video_views", views);
            counters.put("reach", views * 85 / 100);
            counters.put("likes", views * 8 / 100);
            counters.put("comments", views / 200);
            counters.put("shares", views / 100);
            counters.put("favorites", views / 50);
            counters.put("profile_views", views / 100);
            counters.put("new_followers", views / 400);
            counters.put("website_clicks", views / 200);
            counters.put("total_time_watched", views * 9);
            account.video(id, created, "Clay & Co #" + (v + 1) + ": " + CAPTIONS[v % CAPTIONS.length]).counters(counters);
        }
        return api;
    }

    private List<DemoOrder> orders;

    /** The brand's orders, made once (after the videos, whose times their TikTok visits follow). */
    synchronized List<DemoOrder> orders() {
        if (videoIds.isEmpty()) {
            throw new IllegalStateException("the buyers watched the videos first: call tiktok() before orders()");
        }
        if (orders == null) {
            orders = List.copyOf(makeOrders());
        }
        return orders;
    }

    private List<DemoOrder> makeOrders() {
        Random random = new Random(11);
        List<DemoOrder> made = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant created = now.minus(89, ChronoUnit.DAYS).plusSeconds((long) (random.nextDouble() * 89 * 86_400));
            int customer = random.nextInt(120);
            String total = (15 + random.nextInt(105)) + "." + (10 + random.nextInt(90));
            if (random.nextInt(4) == 0) {
                int video = latestVideoBefore(created, random);
                if (video >= 0) {
                    made.add(new DemoOrder(String.valueOf(577_000_000_000_000_000L + i), DemoOrder.Store.TIKTOK_SHOP, created,
                            "EUR", total, "0.00", customer, List.of(), videoIds.get(video)));
                    continue;
                }
            }
            String currency = random.nextInt(20) == 0 ? "USD" : "EUR";
            String refunded = random.nextInt(12) == 0 ? "5.00" : "0.00";
            List<Visit> visits = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int k = count; k >= 1; k--) {
                Instant at = created.minusSeconds(3_600L * k * (1 + random.nextInt(40)));
                int kind = random.nextInt(10);
                if (kind < 5) {
                    int video = latestVideoBefore(at, random);
                    visits.add(video < 0 ? new Visit(at, null, null, null, null)
                            : new Visit(at, "tiktok", "social", "organic", videoIds.get(video)));
                } else if (kind < 7) {
                    visits.add(new Visit(at, "klaviyo", "email", random.nextBoolean() ? "spring-sale" : "new-glazes", null));
                } else if (kind < 8) {
                    visits.add(new Visit(at, "google", "organic", null, null));
                } else {
                    visits.add(new Visit(at, null, null, null, null));
                }
            }
            made.add(new DemoOrder(String.valueOf(5000 + i), DemoOrder.Store.WEB, created, currency, total, refunded, customer,
                    List.copyOf(visits), null));
        }
        return made;
    }

    private int latestVideoBefore(Instant at, Random random) {
        int last = -1;
        for (int v = 0; v < videoTimes.size(); v++) {
            if (videoTimes.get(v).isBefore(at)) {
                last = v;
            }
        }
        return last < 0 ? -1 : Math.max(0, last - random.nextInt(4));
    }

    private static final String[] CAPTIONS = {"throwing a mug in 30 seconds", "glaze reveal", "kiln opening day",
            "studio tour", "trimming ASMR", "packing your orders", "new speckled range", "failed pots compilation"};
}
