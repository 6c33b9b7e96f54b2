package org.unifiedanalytics.connector.sales.shopify;

import java.time.Instant;
import java.util.Map;

import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;

/** A store with 30 orders over 15 days before 2026-03-10 12:00 UTC: journeys from TikTok and email, some refunds. */
final class ShopifyFixture {
    static final String TOKEN = "shpat_test_0123456789";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private ShopifyFixture() {
    }

    static FakeShopifyApi seeded(double bucket, double restore) {
        FakeShopifyApi shopify = FakeShopifyApi.start(ShopifyProvider.DEFAULT_VERSION, TOKEN, bucket, restore);
        for (int i = 0; i < 30; i++) {
            Instant created = NOW.minusSeconds(3600L * 12 * (i + 1));
            shopify.order(ShopifyOrderNodes.orderNode(String.valueOf(5_500_000 + i), created, created.plusSeconds(300),
                    i % 7 == 6 ? "USD" : "EUR", (20 + i) + ".00", i % 5 == 0 ? "5.00" : "0.00", "buyer" + (i % 9) + "@example.com",
                    "tiktok", i % 2 == 0 ? "klaviyo" : null, i != 3));
        }
        return shopify;
    }

    static Map<String, String> config(FakeShopifyApi shopify) {
        return Map.of("shop", "clayandco", "access_token", TOKEN, "base_url", shopify.baseUrl(), "page_size", "7",
                "initial_days", "30");
    }
}
