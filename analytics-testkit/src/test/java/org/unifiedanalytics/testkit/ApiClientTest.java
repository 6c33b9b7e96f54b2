package org.unifiedanalytics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.Pagination;
import org.unifiedanalytics.connect.http.RequestListener;

import com.fasterxml.jackson.databind.JsonNode;

/** The HTTP toolkit over real loopback HTTP against the fake server, faults included. */
class ApiClientTest {
    private final FakeApiServer api = FakeApiServer.start()
            .route("GET", "/items", r -> FakeResponse.ok("{\"items\":[1,2,3],\"price\":12.10}"));
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiClient.Builder client() {
        return ApiClient.builder().baseUrl(api.baseUrl()).retries(4, Duration.ofMillis(5), Duration.ofSeconds(3))
                .listener(new RequestListener() {
                    @Override
                    public void attempted(String outcome) {
                        outcomes.add(outcome);
                    }

                    @Override
                    public void retrying(Duration wait) {
                        waits.add(wait);
                    }
                });
    }

    @Test
    void a_json_answer_is_parsed_with_exact_decimals() {
        JsonNode body = client().build().getJson("/items", Map.of());

        assertThat(body.path("items")).hasSize(3);
        assertThat(body.path("price").decimalValue()).isEqualByComparingTo("12.10");
    }

    @Test
    void a_server_that_stalls_mid_body_is_cut_off_at_the_request_timeout() {
        api.route("GET", "/slow", r -> FakeResponse.ok("{\"value\":\"" + "x".repeat(5000) + "\"}"));
        api.inject(Fault.stalledBody(Duration.ofSeconds(20)));
        ApiClient client = client().requestTimeout(Duration.ofMillis(800)).retries(0, Duration.ofMillis(5), Duration.ofMillis(5)).build();
        long started = System.nanoTime();

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> client.getJson("/slow", Map.of()));

        assertThat(error).isInstanceOf(ApiException.Transport.class).hasMessageContaining("body included");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a_server_that_drips_its_body_in_short_pauses_is_cut_off_when_the_whole_exceeds_the_request_timeout() {
        api.route("GET", "/drip", r -> FakeResponse.ok("{\"value\":\"" + "x".repeat(5000) + "\"}"));
        // eight pauses of 500 ms: none near the timeout, the whole five times it
        api.inject(Fault.slowDrip(Duration.ofSeconds(4)));
        ApiClient client = client().requestTimeout(Duration.ofMillis(800)).retries(0, Duration.ofMillis(5), Duration.ofMillis(5)).build();
        long started = System.nanoTime();

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> client.getJson("/drip", Map.of()));

        assertThat(error).isInstanceOf(ApiException.Transport.class).hasMessageContaining("body included");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void a_body_whose_json_is_broken_at_full_length_is_refused_and_retried() {
        api.inject(Fault.invalidJson());

        JsonNode body = client().build().getJson("/items", Map.of());

        assertThat(body.path("items")).hasSize(3);
        assertThat(outcomes).containsExactly("malformed", "success");
    }

    @Test
    void an_apis_own_answer_is_injected_only_on_the_paths_it_names_and_waits_for_one() {
        api.route("GET", "/other", r -> FakeResponse.ok("{\"other\":true}"));
        api.inject(Fault.answer("/items", FakeResponse.ok("{\"code\":40100}")));

        JsonNode other = client().build().getJson("/other", Map.of());
        JsonNode items = client().build().getJson("/items", Map.of());

        assertThat(other.path("other").asBoolean()).as("a path the fault does not name is answered by its route").isTrue();
        assertThat(items.path("code").asInt()).as("the fault waited for its path").isEqualTo(40100);
        assertThat(api.faultsInjected()).isEqualTo(1);
    }

    @Test
    void a_redirect_to_another_host_never_carries_the_clients_credentials() {
        try (FakeApiServer elsewhere = FakeApiServer.start()) {
            elsewhere.route("GET", "/steal", r -> FakeResponse.ok("{}"));
            api.route("GET", "/moved", r -> new FakeResponse(302, Map.of("Location", elsewhere.baseUrl() + "/steal"), ""));
            ApiClient client = client().header("X-Shopify-Access-Token", "shpat_secret_token").build();

            Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> client.getJson("/moved", Map.of()));

            assertThat(error).isInstanceOf(ApiException.ClientError.class).hasMessageContaining("never sent to another host")
                    .hasMessageNotContaining("shpat_secret_token");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void a_redirect_within_the_same_host_is_followed_with_the_credentials() {
        api.route("GET", "/old", r -> new FakeResponse(301, Map.of("Location", "/new"), ""));
        api.route("GET", "/new", r -> r.header("X-Token").orElse("").equals("t1") ? FakeResponse.ok("{\"ok\":true}")
                : FakeResponse.json(401, "{\"message\":\"no token\"}"));

        JsonNode body = client().header("X-Token", "t1").build().getJson("/old", Map.of());

        assertThat(body.path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_token_answer_cut_off_mid_token_is_reported_without_the_token() {
        api.route("POST", "/oauth/token", r -> FakeResponse.ok("{\"access_token\":\"ya29.a0-secret-token-value\",\"expires_in\":3599,"
                + "\"refresh_token\":\"1//rotated-secret"));

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> client().build().postJson("/oauth/token", java.util.Map.of(), "{}"));

        assertThat(error).isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining("\"access_token\":\"******\"")
                .hasMessageNotContaining("ya29.a0-secret-token-value").hasMessageNotContaining("rotated-secret");
    }

    @Test
    void a_429_is_retried_after_the_wait_its_retry_after_asks_for() {
        api.inject(Fault.tooManyRequests(1));

        long start = System.nanoTime();
        client().build().getJson("/items", Map.of());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(outcomes).containsExactly("rate_limited", "success");
    }

    @Test
    void a_429_asking_for_longer_than_the_longest_retry_delay_is_not_retried_early_but_says_when_to_resume() {
        api.inject(Fault.tooManyRequests(30));
        java.time.Instant before = java.time.Instant.now();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().build().getJson("/items", Map.of()))
                .isInstanceOfSatisfying(org.unifiedanalytics.connect.QuotaExhaustedException.class, e -> {
                    assertThat(e.resumesAt()).isBetween(before.plusSeconds(29), before.plusSeconds(32));
                    assertThat(e).hasMessageContaining("asked to wait 30 s, longer than retry_max_delay")
                            .hasMessageContaining("[GET ");
                });
        // one request, not a storm of retries the server would refuse again
        assertThat(api.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void server_errors_dropped_connections_and_broken_bodies_are_retried() {
        api.inject(Fault.serverError(503), Fault.connectionReset(), Fault.truncatedBody(), Fault.malformedBody());

        JsonNode body = client().build().getJson("/items", Map.of());

        assertThat(body.path("items")).hasSize(3);
        assertThat(outcomes).contains("server_error", "malformed").endsWith("success");
    }

    @Test
    void a_download_streams_the_body_to_a_file_and_a_broken_attempt_leaves_no_bytes_behind(@TempDir Path dir) throws Exception {
        String lines = "{\"id\":1}\n".repeat(2_000);
        api.route("GET", "/export.jsonl", r -> FakeResponse.ok(lines));
        api.inject(Fault.serverError(503), Fault.connectionReset());
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, "stale bytes of an earlier attempt that are longer than nothing".repeat(1_000));

        client().build().download(ApiRequest.get("/export.jsonl").header("Accept", "*/*").build(), file);

        assertThat(Files.readString(file)).isEqualTo(lines);
        // the JDK client itself may resend a GET once after a reset, so the reset need not show as an attempt
        assertThat(outcomes).startsWith("server_error").endsWith("success");
    }

    @Test
    void a_refused_download_says_what_came_back() {
        api.route("GET", "/expired.jsonl", r -> FakeResponse.json(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));

        assertThatThrownBy(() -> client().build().download(ApiRequest.get("/expired.jsonl").header("Accept", "*/*").build(),
                Files.createTempFile("refused", ".jsonl")))
                .isInstanceOf(ApiException.Authentication.class).hasMessageContaining("Request has expired").hasMessageContaining("403");
        assertThat(outcomes).containsExactly("authentication");
    }

    @Test
    void a_timeout_is_retried_and_reported_when_retries_run_out() {
        api.inject(Fault.latency(Duration.ofMillis(800)), Fault.latency(Duration.ofMillis(800)));
        ApiClient client = client().requestTimeout(Duration.ofMillis(200)).retries(1, Duration.ofMillis(5), Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> client.getJson("/items", Map.of()))
                .isInstanceOf(ApiException.Transport.class)
                .hasMessageContaining("timed out after 200 ms")
                .hasMessageContaining("GET " + api.baseUrl() + "/items");
    }

    @Test
    void an_authentication_failure_is_not_retried_and_says_so() {
        api.inject(Fault.status(401));

        assertThatThrownBy(() -> client().build().getJson("/items", Map.of()))
                .isInstanceOf(ApiException.Authentication.class)
                .hasMessageContaining("authentication failed, not retried")
                .hasMessageContaining("HTTP 401");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void another_4xx_carries_the_apis_own_message() {
        api.route("GET", "/bad", r -> FakeResponse.json(400, "{\"error\":{\"message\":\"unknown metric 'viewz'\"}}"));

        assertThatThrownBy(() -> client().build().getJson("/bad", Map.of()))
                .isInstanceOf(ApiException.ClientError.class)
                .hasMessageContaining("unknown metric 'viewz'");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_body_that_stays_malformed_fails_with_the_request_and_an_excerpt() {
        api.route("GET", "/html", r -> new FakeResponse(200, Map.of(), "<html>maintenance</html>"));

        assertThatThrownBy(() -> client().build().getJson("/html", Map.of()))
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining("'<html>maintenance</html>'")
                .hasMessageContaining("GET " + api.baseUrl() + "/html");
    }

    @Test
    void secret_query_parameters_and_headers_never_reach_a_message() {
        api.inject(Fault.status(403));
        ApiClient client = client().header("Access-Token", "header-secret-1").build();

        assertThatThrownBy(() -> client.send(ApiRequest.get("/items").query("access_token", "query-secret-2")
                .query("page", 2).build()))
                .hasMessageContaining("access_token=******")
                .hasMessageContaining("page=2")
                .hasMessageNotContaining("query-secret-2")
                .hasMessageNotContaining("header-secret-1");
        assertThat(api.requests().get(0).header("Access-Token")).isEqualTo(Optional.of("header-secret-1"));
    }

    @Test
    void a_client_limited_to_the_servers_rate_uses_at_least_90_percent_of_it_without_a_single_429() {
        api.rateLimit(40);
        ApiClient client = client().rateLimiter(ApiClient.rateLimiter("quota", 40, Duration.ofSeconds(1))).build();

        // the first 40 go at once (the window allows them); the steady rate is what the following 160 get
        for (int i = 0; i < 40; i++) {
            client.getJson("/items", Map.of());
        }
        long start = System.nanoTime();
        for (int i = 0; i < 160; i++) {
            client.getJson("/items", Map.of());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("quota: 200 requests, the last 160 at %.1f a second of 40 allowed, %d refused%n", 160 / seconds,
                api.rateLimited());

        assertThat(api.rateLimited()).as("requests the server refused").isZero();
        assertThat(160 / seconds).as("requests per second, of 40 allowed").isGreaterThanOrEqualTo(36);
    }

    @Test
    void the_client_side_rate_limit_spaces_requests() {
        ApiClient client = client().rateLimiter(ApiClient.rateLimiter("test", 5, Duration.ofSeconds(1))).build();

        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            client.getJson("/items", Map.of());
        }

        // 5 per second: the 11th request is in the third second.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void a_server_side_rate_limit_is_met_with_backoff_and_the_request_succeeds() {
        api.rateLimit(2);
        ApiClient client = client().build();

        for (int i = 0; i < 4; i++) {
            assertThat(client.getJson("/items", Map.of()).path("items")).hasSize(3);
        }
        assertThat(outcomes).contains("rate_limited");
    }

    @Test
    void query_parameters_are_sent_encoded_in_their_order() {
        client().build().send(ApiRequest.get("/items").query("fields", "[\"a b\",\"c\"]").query("z", 1).query("a", 2).build());

        assertThat(api.requests().get(0).rawQuery()).isEqualTo("fields=%5B%22a%20b%22%2C%22c%22%5D&z=1&a=2");
        assertThat(api.requests().get(0).query()).containsEntry("fields", "[\"a b\",\"c\"]");
    }

    @Test
    void pagination_helpers_read_the_common_paging_styles() {
        JsonNode tiktok = client().build().objectMapper().valueToTree(Map.of("data", Map.of("cursor", 1700000000, "has_more", true)));
        JsonNode last = client().build().objectMapper().valueToTree(Map.of("data", Map.of("cursor", 1700000000, "has_more", false)));
        JsonNode klaviyo = client().build().objectMapper().valueToTree(Map.of("links", Map.of("next", "https://a.klaviyo.com/api/events?page%5Bcursor%5D=x")));

        assertThat(Pagination.cursor(tiktok, "/data/cursor", "/data/has_more")).contains("1700000000");
        assertThat(Pagination.cursor(last, "/data/cursor", "/data/has_more")).isEmpty();
        assertThat(Pagination.nextLink(klaviyo, "/links/next")).contains("https://a.klaviyo.com/api/events?page%5Bcursor%5D=x");
        assertThat(Pagination.offset(0, 100, 250)).contains("100");
        assertThat(Pagination.offset(200, 100, 250)).isEmpty();
    }
}
