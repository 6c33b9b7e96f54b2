package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/** `check` and `sync` of a TikTok Shop and a Shopify store configured in a file, against the fakes. */
class SalesCliTest {
    @TempDir
    Path dir;

    @Test
    void a_tiktok_shop_and_a_shopify_store_from_a_configuration_file_check_and_sync() throws Exception {
        try (FakeTikTokShopApi tts = FakeTikTokShopApi.start("app-9", "secret-9").shop("7001", "ROW_c7001");
             FakeShopifyApi shopify = FakeShopifyApi.start("2026-10", "shpat_cli", 1000, 5000)) {
            Instant now = Instant.now();
            tts.order("7001", "576000000000000001", now.minusSeconds(7200), now.minusSeconds(3600), "COMPLETED", "USD", "u1",
                    "sku-a=25.00", "sku-a=25.00");
            shopify.order(ShopifyOrderNodes.orderNode("5500001", now.minusSeconds(7200), now.minusSeconds(3600), "EUR", "30.00", "0.00",
                    "jane@example.com", "tiktok", "klaviyo", true));
            Path config = Files.write(dir.resolve("analytics.properties"), List.of(
                    "tiktok-shop.app_key=app-9", "tiktok-shop.app_secret=secret-9", "tiktok-shop.refresh_token=" + tts.refreshToken(),
                    "tiktok-shop.shops=7001", "tiktok-shop.base_url=" + tts.baseUrl(), "tiktok-shop.auth_url=" + tts.baseUrl(),
                    "shopify.shop=clayandco", "shopify.access_token=shpat_cli", "shopify.base_url=" + shopify.baseUrl()));
            String key = java.util.Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString(),
                    "--credentials-key", key};

            CliRun ttsCheck = CliRun.of(common, "check", "tiktok-shop");
            CliRun ttsSync = CliRun.of(common, "sync", "tiktok-shop");
            CliRun shopifyCheck = CliRun.of(common, "check", "shopify");
            CliRun shopifySync = CliRun.of(common, "sync", "shopify");

            assertThat(ttsCheck.code()).as(ttsCheck.out()).isZero();
            assertThat(ttsCheck.out()).contains("OK: connected to 1 TikTok Shop shop(s): 7001");
            assertThat(ttsSync.code()).as(ttsSync.out()).isZero();
            assertThat(ttsSync.out()).contains("7001/orders incremental SUCCEEDED: 3 read, 3 written");
            assertThat(shopifyCheck.code()).as(shopifyCheck.out()).isZero();
            assertThat(shopifyCheck.out()).contains("OK: connected to Shopify store 'Clay & Co' (EUR)");
            assertThat(shopifySync.code()).as(shopifySync.out()).isZero();
            assertThat(shopifySync.out()).contains("clayandco/orders incremental SUCCEEDED");
        }
    }
}
