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

import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

import com.example.storeorders.fake.FakeStoreOrdersApi;
import com.example.storeorders.fake.FakeStoreOrdersApi.FakeOrder;
import com.example.storeorders.fake.FakeStoreOrdersApi.Visit;

/**
 * A deterministic, plausible small brand for the demo: a TikTok account with 240 videos over 90 days and
 * their view curves, 90 days of account metrics, and a web store with 300 orders whose buyers came from
 * TikTok videos, email campaigns, search and direct visits. The same seed gives the same brand every day.
 */
final class DemoBrand {
    static final String APP_ID = "demo-app";
    static final String APP_SECRET = "demo-app-secret";
    static final String BUSINESS_ID = "biz-clayandco";
    static final String STORE = "shop-1";

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

    private FakeOrder[] orders;

    /** The store's orders, made once (after the videos, whose times their TikTok visits follow). */
    synchronized FakeStoreOrdersApi.FakeOrder[] orders() {
        if (orders == null) {
            orders = makeOrders();
        }
        return orders.clone();
    }

    private FakeStoreOrdersApi.FakeOrder[] makeOrders() {
        Random random = new Random(11);
        List<FakeOrder> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant created = now.minus(89, ChronoUnit.DAYS).plusSeconds((long) (random.nextDouble() * 89 * 86_400));
            int customer = random.nextInt(120);
            String currency = random.nextInt(20) == 0 ? "USD" : "EUR";
            String total = (15 + random.nextInt(105)) + "." + (10 + random.nextInt(90));
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
            orders.add(new FakeOrder(String.valueOf(5000 + i), created, created.plusSeconds(300), currency, total, refunded,
                    "buyer" + customer + "@example.com", visits.get(visits.size() - 1).utmSource(), visits));
        }
        return orders.toArray(FakeOrder[]::new);
    }

    /** The GA4 property of the demo store: the zone its days are in. */
    static final String PROPERTY = "412345678";
    // UTC like the rest of the demo brand, so that two runs on one UTC day read the same property days.
    static final java.time.ZoneId PROPERTY_ZONE = java.time.ZoneId.of("Etc/UTC");

    /**
     * GA4 traffic consistent with the orders: each buyer's store visit is one of several sessions from its source
     * on that day (most visitors browse and leave), add-to-carts and checkouts come from the buyers' visits, and
     * purchases are the orders themselves, with the order id as transaction id, in a session from their last
     * visit's source: GA4's purchase sessions become the buyers' touchpoints once the store's orders are in.
     */
    org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics ga4(FakeStoreOrdersApi.FakeOrder[] orders, java.time.Clock clock) {
        var ga4 = org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics.start(clock);
        var property = ga4.property(PROPERTY, PROPERTY_ZONE, "EUR");
        Map<List<String>, long[]> rows = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        Random random = new Random(13);
        for (FakeOrder order : orders) {
            for (int k = 0; k < order.visits().size(); k++) {
                Visit visit = order.visits().get(k);
                boolean last = k == order.visits().size() - 1;
                List<String> key = key(visit, LocalDate.ofInstant(visit.at(), PROPERTY_ZONE));
                long[] m = rows.computeIfAbsent(key, x -> new long[3]);
                m[0] += 6 + random.nextInt(6);      // sessions: the buyer's and other visitors'
                m[1] += 1 + (last ? 1 : 0);         // add-to-carts
                m[2] += last ? 1 : 0;               // checkouts
                if (last && order.currency().equals("EUR")) {
                    // The purchase itself, with the order id as GA4's transaction id: the store sends it.
                    property.purchase(order.createdAt(), order.id(), org.unifiedanalytics.testkit.fakes.FakeGa4Property.dims(
                            key.get(1), key.get(2), key.get(3), "/", group(key.get(2))), new java.math.BigDecimal(order.total()));
                }
            }
        }
        for (int d = 0; d < 90; d++) {
            // Visitors who never buy: search and direct traffic every day.
            LocalDate day = today.minusDays(d);
            rows.computeIfAbsent(List.of(day.toString(), "google", "organic", "(organic)"), x -> new long[3])[0] += 30 + random.nextInt(20);
            rows.computeIfAbsent(List.of(day.toString(), "(direct)", "(none)", "(direct)"), x -> new long[3])[0] += 20 + random.nextInt(15);
            int first = (int) (d % 30) * 10;
            property.usersOn(day, java.util.stream.IntStream.range(first, first + 60).boxed().toList());
        }
        rows.forEach((key, m) -> {
            Map<String, Number> metrics = new LinkedHashMap<>();
            metrics.put("sessions", m[0]);
            metrics.put("engagedSessions", m[0] * 6 / 10);
            metrics.put("totalUsers", m[0] * 9 / 10);
            metrics.put("newUsers", m[0] / 3);
            metrics.put("screenPageViews", m[0] * 4);
            metrics.put("averageSessionDuration", new java.math.BigDecimal("74.5"));
            metrics.put("addToCarts", m[1]);
            metrics.put("checkouts", m[2]);
            property.traffic(LocalDate.parse(key.get(0)), org.unifiedanalytics.testkit.fakes.FakeGa4Property.dims(key.get(1),
                    key.get(2), key.get(3), "/", group(key.get(2))), metrics);
        });
        return ga4;
    }

    private static String group(String medium) {
        return switch (medium) {
            case "email" -> "Email";
            case "social" -> "Organic Social";
            case "organic" -> "Organic Search";
            default -> "Direct";
        };
    }

    static final String KLAVIYO_KEY = "pk_demo_clay_and_co_0000000000";

    /**
     * Klaviyo with the brand's two newsletters, each sent weekly: their results, the opens and clicks of
     * subscribers who never buy, and, for every buyer's visit from an email, that buyer's open and click of the
     * campaign a few minutes before it (the same email the store has, so both meet on one journey).
     */
    org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi klaviyo(FakeStoreOrdersApi.FakeOrder[] orders, java.time.Clock clock) {
        var klaviyo = org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi.start(KLAVIYO_KEY, clock).currency("EUR");
        // The Reporting API's real limits (1/s, 2/min) would make the demo wait a minute per report.
        klaviyo.reportingLimits(5, 60, 225);
        Random random = new Random(17);
        for (int week = 0; week < 13; week++) {
            for (String name : List.of("spring-sale", "new-glazes")) {
                Instant sent = now.minus(89 - week * 7L - (name.equals("new-glazes") ? 3 : 0), ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
                if (!sent.isBefore(now)) {
                    continue;
                }
                long recipients = 1_150 + random.nextInt(100);
                long delivered = recipients - 5 - random.nextInt(10);
                long uniqueOpens = delivered * (35 + random.nextInt(15)) / 100;
                long uniqueClicks = uniqueOpens * (8 + random.nextInt(6)) / 100;
                klaviyo.campaign("01JDEMO" + week + name.charAt(0), name, "email", sent,
                        name.equals("spring-sale") ? "Spring sale: 20% off speckled mugs" : "New glazes are out of the kiln")
                        .stats(recipients, delivered, uniqueOpens * 13 / 10, uniqueOpens, uniqueClicks * 3 / 2, uniqueClicks,
                                2 + random.nextInt(6), (60 + random.nextInt(300)) + ".00");
                for (int i = 0; i < 30; i++) {
                    String subscriber = "subscriber" + random.nextInt(400) + "@example.com";
                    Instant opened = sent.plus(5 + random.nextInt(600), ChronoUnit.MINUTES);
                    if (opened.isBefore(now)) {
                        klaviyo.event("Opened Email", subscriber, opened, name);
                    }
                }
            }
        }
        for (FakeOrder order : orders) {
            for (Visit visit : order.visits()) {
                if ("klaviyo".equals(visit.utmSource())) {
                    klaviyo.event("Opened Email", order.email(), visit.at().minus(7, ChronoUnit.MINUTES), visit.utmCampaign());
                    klaviyo.event("Clicked Email", order.email(), visit.at().minus(1, ChronoUnit.MINUTES), visit.utmCampaign());
                }
            }
        }
        return klaviyo;
    }

    private static List<String> key(Visit visit, LocalDate day) {
        if (visit.utmSource() == null) {
            return List.of(day.toString(), "(direct)", "(none)", "(direct)");
        }
        return List.of(day.toString(), visit.utmSource(), visit.utmMedium(),
                visit.utmCampaign() == null ? "(organic)" : visit.utmCampaign());
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
