package org.unifiedanalytics.examples;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics;
import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * The demo brand's five sources, the test kit's fakes on loopback serving one story (TikTok, TikTok Shop, Shopify,
 * GA4, Klaviyo), and the configuration of each built-in connector against them. Closing stops them all.
 */
final class DemoSources implements AutoCloseable {
    final FakeTikTokApi tiktok;
    final FakeTikTokShopApi tiktokShop;
    final FakeShopifyApi shopify;
    final FakeGoogleAnalytics ga4;
    final FakeKlaviyoApi klaviyo;

    DemoSources(DemoBrand brand, Clock clock) {
        // the videos come first: the buyers watched them
        this.tiktok = brand.tiktok();
        List<DemoOrder> orders = brand.orders();
        this.tiktokShop = DemoStores.tiktokShop(brand, orders, clock);
        this.shopify = DemoStores.shopify(orders);
        this.ga4 = DemoChannels.ga4(brand, orders, clock);
        this.klaviyo = DemoChannels.klaviyo(brand, orders, clock);
    }

    /** The fakes' servers, for faults and requests. */
    List<FakeApiServer> servers() {
        return List.of(tiktok.server(), tiktokShop.server(), shopify.server(), ga4.server(), klaviyo.server());
    }

    /** Each connector's configuration against its fake, by connector id, in sync order; tokens as the fakes hold them now. */
    Map<String, Map<String, String>> configs(String retryInitialDelay) {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put("tiktok", Map.of("app_id", DemoBrand.APP_ID, "app_secret", DemoBrand.APP_SECRET,
                "accounts", DemoBrand.BUSINESS_ID, "refresh_tokens", tiktok.account(DemoBrand.BUSINESS_ID).refreshToken(),
                "base_url", tiktok.baseUrl(), "retry_initial_delay", retryInitialDelay));
        configs.put("tiktok-shop", Map.of("app_key", DemoStores.TTS_APP_KEY, "app_secret", DemoStores.TTS_APP_SECRET,
                "refresh_token", tiktokShop.refreshToken(), "shops", DemoStores.TTS_SHOP, "base_url", tiktokShop.baseUrl(),
                "auth_url", tiktokShop.baseUrl(), "retry_initial_delay", retryInitialDelay));
        configs.put("shopify", Map.of("shop", DemoStores.SHOPIFY_SHOP, "access_token", DemoStores.SHOPIFY_TOKEN,
                "base_url", shopify.baseUrl(), "retry_initial_delay", retryInitialDelay));
        configs.put("ga4", Map.of("properties", DemoChannels.PROPERTY,
                "credentials_json", ga4.tokens().newServiceAccountKey("demo@clay-and-co.iam.gserviceaccount.com"),
                "base_url", ga4.baseUrl(), "retry_initial_delay", retryInitialDelay));
        configs.put("klaviyo", Map.of("api_key", DemoChannels.KLAVIYO_KEY, "base_url", klaviyo.baseUrl(),
                "reports_per_minute", "60", "retry_initial_delay", retryInitialDelay));
        return configs;
    }

    @Override
    public String toString() {
        return "TikTok API for Business " + tiktok.baseUrl() + ", TikTok Shop " + tiktokShop.baseUrl() + ", Shopify "
                + shopify.baseUrl() + ", GA4 Data API " + ga4.baseUrl() + ", Klaviyo " + klaviyo.baseUrl();
    }

    @Override
    public void close() {
        klaviyo.close();
        ga4.close();
        shopify.close();
        tiktokShop.close();
        tiktok.close();
    }
}
