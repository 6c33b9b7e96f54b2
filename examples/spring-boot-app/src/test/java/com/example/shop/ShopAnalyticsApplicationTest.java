package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unifiedanalytics.scheduler.RefreshScheduler;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;

/** The application as it runs: a fake Shopify on loopback, a sync through its endpoint, attribution and health over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopAnalyticsApplicationTest {
    private static final String TOKEN = "shpat_example_0123456789";
    private static final FakeShopifyApi SHOPIFY = FakeShopifyApi.start("2026-10", TOKEN, 1000, 5000);

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    RefreshScheduler scheduler;

    @DynamicPropertySource
    static void shopify(DynamicPropertyRegistry properties) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            Instant created = now.minus(i + 1, ChronoUnit.HOURS);
            SHOPIFY.order(ShopifyOrderNodes.orderNode(String.valueOf(9_100_000 + i), created, created.plusSeconds(60), "EUR",
                    "25.00", "0.00", "buyer" + i + "@example.com", "tiktok", i < 4 ? "klaviyo" : null, true));
        }
        properties.add("analytics.connectors.shopify.base-url", SHOPIFY::baseUrl);
        properties.add("analytics.connectors.shopify.access-token", () -> TOKEN);
        properties.add("analytics.warehouse.embedded-path", () -> dir.resolve("analytics").toString());
    }

    @AfterAll
    static void stopShopify() {
        SHOPIFY.close();
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void a_sync_through_the_shops_endpoint_answers_attribution_and_the_health_of_its_data() throws Exception {
        // the scheduler refreshes a connector that never ran at once, on start-up: wait for that first refresh
        Instant deadline = Instant.now().plusSeconds(60);
        while (!scheduler.status().stream().allMatch(s -> s.lastStatus().filter("SUCCEEDED"::equals).isPresent())) {
            assertThat(Instant.now()).as("the scheduler's first refresh finished: " + scheduler.status()).isBefore(deadline);
            Thread.sleep(200);
        }
        String sync = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sync?connector=shopify"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String attribution = get("/attribution?model=last_touch&from=" + today.minusDays(2) + "&to=" + today.plusDays(2));
        String health = get("/actuator/health/analytics");

        assertThat(sync).contains("shopify").contains("SUCCEEDED");
        // last touch: the 4 buyers whose last visit came from the newsletter, the 6 others direct
        assertThat(attribution).contains("\"groupKey\":\"email\"").contains("\"attributedRevenue\":100.0000")
                .contains("\"attributedConversions\":4.000000");
        assertThat(health).contains("\"status\":\"UP\"").contains("clay-and-co");
        assertThat(scheduler.nextRun("shopify")).as("the daily refresh is scheduled").isPresent();
    }
}
