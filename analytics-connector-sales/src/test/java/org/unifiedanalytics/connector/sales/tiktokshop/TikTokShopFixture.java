package org.unifiedanalytics.connector.sales.tiktokshop;

import java.time.Instant;
import java.util.Map;

import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * A seller with two shops and 23 orders over the ten days before 2026-03-10 12:00 UTC, in USD and GBP; one
 * granted refund (order ...1001, 9.99 USD) and one pending return (order ...1002); five days of seller
 * analytics for two videos and two products.
 */
final class TikTokShopFixture {
    static final String APP_KEY = "6abcdexample";
    static final String APP_SECRET = "exampleAppSecret123";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private TikTokShopFixture() {
    }

    /** The fake, checking request timestamps against this clock (the one the connector runs on). */
    static FakeTikTokShopApi seeded(java.time.Clock clock) {
        FakeTikTokShopApi shop = FakeTikTokShopApi.start(APP_KEY, APP_SECRET, clock).shop("7001", "ROW_cipher7001")
                .shop("7002", "GBR_cipher7002", "GB");
        for (int i = 0; i < 15; i++) {
            Instant created = NOW.minusSeconds(3600L * 15 * (i + 1));
            shop.order("7001", "57600000000000" + (1000 + i), created, created.plusSeconds(120), i == 3 ? "CANCELLED" : "COMPLETED",
                    "USD", "u" + (i % 5), "sku-a=25.00", "sku-a=25.00", "sku-b=9.99");
        }
        for (int i = 0; i < 8; i++) {
            Instant created = NOW.minusSeconds(3600L * 20 * (i + 1));
            shop.order("7002", "57700000000000" + (1000 + i), created, created.plusSeconds(60), "AWAITING_SHIPMENT", "GBP",
                    "g" + i, "sku-c=14.50");
        }
        for (int d = 1; d <= 5; d++) {
            java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 10).minusDays(d);
            shop.videoDay("7001", day, "7311000000000000001", "Mug in 30 s", 1000L * d, (10 * d) + ".50", "USD", "12.5%");
            shop.videoDay("7001", day, "7311000000000000002", "Glaze reveal", 400L * d, "5.00", "USD", "0.05");
            shop.productDay("7001", day, "1729000000000000001", (25 * d) + ".00", "USD", d, 2L * d, "3.5%");
            shop.productDay("7001", day, "1729000000000000002", "9.99", "USD", 1, 1, "0.021");
        }
        shop.returnOrder("576000000000001001", "4035000000000000001", "REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE", "9.99", "USD",
                NOW.minusSeconds(3600L * 5));
        shop.returnOrder("576000000000001002", "4035000000000000002", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_PENDING",
                "59.99", "USD", NOW.minusSeconds(3600L * 4));
        return shop;
    }

    static Map<String, String> config(FakeTikTokShopApi shop) {
        return Map.of("app_key", APP_KEY, "app_secret", APP_SECRET, "refresh_token", shop.refreshToken(), "shops", "7001,7002",
                "base_url", shop.baseUrl(), "auth_url", shop.baseUrl(), "page_size", "4", "initial_days", "30");
    }
}
