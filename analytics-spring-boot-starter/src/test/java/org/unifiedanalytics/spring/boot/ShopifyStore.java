package org.unifiedanalytics.spring.boot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.unifiedanalytics.connector.sales.shopify.ShopifyProvider;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;

/** A fake Shopify store with 12 orders over the last 6 days, their buyers first come from TikTok. */
final class ShopifyStore {
    static final String TOKEN = "shpat_boot_0123456789";

    private ShopifyStore() {
    }

    static FakeShopifyApi start() {
        FakeShopifyApi shopify = FakeShopifyApi.start(ShopifyProvider.DEFAULT_VERSION, TOKEN, 1000, 5000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            Instant created = now.minusSeconds(3600L * 12 * (i + 1));
            shopify.order(ShopifyOrderNodes.orderNode(String.valueOf(7_700_000 + i), created, created.plusSeconds(300), "EUR",
                    (20 + i) + ".00", "0.00", "buyer" + (i % 4) + "@example.com", "tiktok", i % 2 == 0 ? "klaviyo" : null, true));
        }
        return shopify;
    }

    /** The connector's configuration as a Spring application writes it. */
    static String[] properties(FakeShopifyApi shopify) {
        return new String[]{"analytics.connectors.shopify.shop=clayandco", "analytics.connectors.shopify.access-token=" + TOKEN,
                "analytics.connectors.shopify.base-url=" + shopify.baseUrl(), "analytics.connectors.shopify.initial-days=30",
                "analytics.connectors.shopify.requests-per-second=1000", "analytics.connectors.shopify.retry-initial-delay=10ms"};
    }
}
