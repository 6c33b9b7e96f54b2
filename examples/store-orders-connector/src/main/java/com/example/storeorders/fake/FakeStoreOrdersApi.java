package com.example.storeorders.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;

/**
 * A fake of the Store Orders API on loopback, speaking its wire format: Bearer auth (401 otherwise),
 * orders filtered by {@code [updated_at_min, updated_at_max)}, ordered by update time, paged by an
 * opaque {@code page_info}. Shipped with the connector (as the SDK's test kit ships its fakes), for its
 * tests and for demos.
 */
public final class FakeStoreOrdersApi {
    public static final String STORE = "shop-1";
    public static final String KEY = "test-key-6c1f";

    public record FakeOrder(String id, Instant createdAt, Instant updatedAt, String currency, String total, String refunded,
                     String email, String utmSource, List<Visit> visits) {

        public FakeOrder(String id, Instant createdAt, Instant updatedAt, String currency, String total, String refunded,
                         String email, String utmSource) {
            this(id, createdAt, updatedAt, currency, total, refunded, email, utmSource, List.of());
        }

        String json() {
            String visitsJson = visits.stream().map(Visit::json).collect(Collectors.joining(",", "[", "]"));
            return base().replace("\"lines\":", "\"visits\":" + visitsJson + ",\"lines\":");
        }

        private String base() {
            return """
                    {"id":"%s","number":"#%s","created_at":"%s","updated_at":"%s","currency":"%s","subtotal":"%s",
                     "discount":"0.00","shipping":"0.00","tax":"0.00","total":"%s","refunded":"%s","financial_status":"paid",
                     "email":%s,"utm_source":%s,"utm_medium":%s,"utm_campaign":"spring",
                     "lines":[{"id":"%s-1","sku":"MUG","title":"Mug","quantity":1,"unit_price":"%s","total":"%s"}]}"""
                    .formatted(id, id, createdAt, updatedAt, currency, total, total, refunded,
                            email == null ? "null" : "\"" + email + "\"", utmSource == null ? "null" : "\"" + utmSource + "\"",
                            utmSource == null ? "null" : "\"social\"", id, total, total);
        }
    }

    private FakeStoreOrdersApi() {
    }

    /** A visit of the buyer before the order, with its UTM parameters (any may be null). */
    public record Visit(Instant at, String utmSource, String utmMedium, String utmCampaign, String utmContent) {
        String json() {
            return "{\"occurred_at\":\"" + at + "\",\"utm_source\":" + quoted(utmSource) + ",\"utm_medium\":"
                    + quoted(utmMedium) + ",\"utm_campaign\":" + quoted(utmCampaign) + ",\"utm_content\":"
                    + quoted(utmContent) + "}";
        }

        private static String quoted(String text) {
            return text == null ? "null" : "\"" + text + "\"";
        }
    }

    /** {@code count} orders created every few hours from {@code first} on, in EUR, half of them from TikTok. */
    public static List<FakeOrder> many(int count, Instant first) {
        List<FakeOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant created = first.plusSeconds(3600L * 7 * i);
            orders.add(new FakeOrder(String.valueOf(5000 + i), created, created.plusSeconds(300), "EUR", (10 + i % 40) + ".00",
                    "0.00", "buyer" + (i % 60) + "@example.com", i % 2 == 0 ? "tiktok" : null));
        }
        return orders;
    }

    /** Twelve orders over the ten days before 2026-03-10 12:00 UTC, in two currencies, one from a guest; most with visits. */
    public static List<FakeOrder> seed() {
        List<FakeOrder> orders = new ArrayList<>();
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        for (int i = 0; i < 12; i++) {
            Instant created = now.minusSeconds(3600L * 20 * (i + 1));
            String source = i % 2 == 0 ? "tiktok" : null;
            List<Visit> visits = List.of(new Visit(created.minusSeconds(86_400), source, source == null ? null : "social",
                    "spring", source == null ? null : "73110" + i), new Visit(created.minusSeconds(600), null, null, null, null));
            orders.add(new FakeOrder(String.valueOf(1000 + i), created, created.plusSeconds(600), i % 4 == 3 ? "USD" : "EUR",
                    (20 + i) + ".50", i == 2 ? "5.00" : "0.00", i == 5 ? null : "buyer" + i + "@example.com", source, visits));
        }
        return orders;
    }

    public static FakeApiServer start(List<FakeOrder> orders) {
        FakeApiServer api = FakeApiServer.start();
        api.require(r -> r.header("Authorization").equals(Optional.of("Bearer " + KEY)),
                FakeResponse.json(401, "{\"error\":\"invalid API key\"}"));
        api.route("GET", "/v1/stores/" + STORE, r -> FakeResponse.ok("{\"id\":\"" + STORE + "\",\"name\":\"Clay & Co\",\"currency\":\"EUR\"}"));
        api.route("GET", "/v1/stores/" + STORE + "/orders", r -> {
            Instant min = Instant.parse(r.queryParameter("updated_at_min").orElseThrow());
            Instant max = Instant.parse(r.queryParameter("updated_at_max").orElseThrow());
            int limit = Integer.parseInt(r.queryParameter("limit").orElse("50"));
            int offset = r.queryParameter("page_info").map(p -> Integer.parseInt(p.substring(2))).orElse(0);
            List<FakeOrder> matching = orders.stream()
                    .filter(o -> !o.updatedAt().isBefore(min) && o.updatedAt().isBefore(max))
                    .sorted(Comparator.comparing(FakeOrder::updatedAt).thenComparing(FakeOrder::id))
                    .toList();
            List<FakeOrder> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
            String next = offset + limit < matching.size() ? "\"p:" + (offset + limit) + "\"" : "null";
            return FakeResponse.ok("{\"orders\":[" + page.stream().map(FakeOrder::json).collect(Collectors.joining(","))
                    + "],\"next_page_info\":" + next + "}");
        });
        return api;
    }
}
