package org.unifiedanalytics.connector.klaviyo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.unifiedanalytics.connect.QuotaExhaustedException;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.ApiResponse;
import org.unifiedanalytics.connect.http.ResponseRule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Klaviyo's REST API as the connector speaks it: the private key and the pinned revision on every request,
 * JSON:API media types, and its {@code {"errors":[{status, code, title, detail}]}} read by code. A 429 whose
 * {@code Retry-After} is short is waited out by the toolkit's retries; a longer one (the Reporting API's daily
 * budget) ends the stream with a resume time instead of sleeping for hours; a stale cursor is told apart, so
 * the stream restarts its window rather than retrying the cursor.
 */
final class KlaviyoApi {
    private final ApiClient client;
    private final Clock clock;

    KlaviyoApi(ApiClient.Builder builder, String apiKey, String revision, Duration maxThrottleWait, Clock clock) {
        this.clock = clock;
        this.client = builder.header("Authorization", "Klaviyo-API-Key " + apiKey).header("revision", revision)
                .rule(ResponseRule.forEveryStatus(response -> klaviyoError(response, maxThrottleWait))).build();
    }

    JsonNode get(String pathOrUrl) {
        return send(ApiRequest.get(pathOrUrl).header("Accept", "application/vnd.api+json").build());
    }

    JsonNode get(String path, java.util.Map<String, ?> query) {
        return send(ApiRequest.get(path).query(query).header("Accept", "application/vnd.api+json").build());
    }

    JsonNode post(String path, String body) {
        return send(ApiRequest.post(path).body(body, "application/vnd.api+json")
                .header("Accept", "application/vnd.api+json").build());
    }

    com.fasterxml.jackson.databind.ObjectMapper json() {
        return client.objectMapper();
    }

    private JsonNode send(ApiRequest request) {
        try {
            return client.send(request).json();
        } catch (BudgetSpent e) {
            throw new QuotaExhaustedException("Klaviyo asked to wait " + e.wait.toSeconds() + " s (" + e.getMessage()
                    + "); budget spent", clock.instant().plus(e.wait));
        }
    }

    static Optional<ApiException> klaviyoError(ApiResponse response, Duration maxThrottleWait) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        JsonNode error = response.json().path("errors").path(0);
        String code = error.path("code").asText("");
        String detail = error.path("detail").asText(error.path("title").asText("no detail"));
        String message = "Klaviyo " + (code.isEmpty() ? "error" : code) + ": " + detail;
        String request = response.requestDescription();
        if (status == 429) {
            Optional<Duration> wait = response.header("Retry-After").flatMap(KlaviyoApi::seconds);
            if (wait.isPresent() && wait.get().compareTo(maxThrottleWait) > 0) {
                return Optional.of(new BudgetSpent(message, request, wait.get()));
            }
            return Optional.empty();
        }
        if (status == 401) {
            return Optional.of(new ApiException.Authentication(message + " (create a private API key in Klaviyo > "
                    + "Settings > API keys and set api_key)", request, status));
        }
        if (status == 403) {
            return Optional.of(new ApiException.Authentication(message + " (the key lacks a scope: give it campaigns:read, "
                    + "events:read, metrics:read, profiles:read and accounts:read)", request, status));
        }
        if (status == 400 && detail.toLowerCase(java.util.Locale.ROOT).contains("invalid cursor")) {
            return Optional.of(new InvalidCursor(message, request));
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A throttle longer than the run may wait (the Reporting API's daily budget). */
    static final class BudgetSpent extends ApiException {
        private static final long serialVersionUID = 1L;
        private final transient Duration wait;

        BudgetSpent(String message, String request, Duration wait) {
            super("throttled: " + message, request, 429, false, null);
            this.wait = wait;
        }
    }

    /** A cursor Klaviyo no longer accepts: restart the window from its start. */
    static final class InvalidCursor extends ApiException {
        private static final long serialVersionUID = 1L;

        InvalidCursor(String message, String request) {
            super("cursor refused: " + message, request, 400, false, null);
        }
    }
}
