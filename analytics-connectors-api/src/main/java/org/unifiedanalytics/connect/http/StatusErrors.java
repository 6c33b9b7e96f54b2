package org.unifiedanalytics.connect.http;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** What an HTTP status means for a request: which failure, in the API's own words, and how long to wait. */
final class StatusErrors {
    private StatusErrors() {
    }

    /** Throws the failure a non-2xx answer stands for: 401/403, 429 (with its wait), 5xx, any other 4xx. */
    static void check(ApiResponse response) {
        int status = response.status();
        String request = response.requestDescription();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = apiMessage(response);
        if (status == 401 || status == 403) {
            throw new ApiException.Authentication(message, request, status);
        }
        if (status == 429) {
            throw new ApiException.RateLimited(message, request, status, retryAfter(response).orElse(null));
        }
        if (status >= 500) {
            throw new ApiException.ServerError(message, request, status);
        }
        throw new ApiException.ClientError(message, request, status);
    }

    /** The API's own words for an error: common JSON error shapes, else an excerpt of the body. */
    static String apiMessage(ApiResponse response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "no body";
        }
        try {
            JsonNode node = new JsonSupport().mapper().readTree(body);
            for (String pointer : List.of("/message", "/error/message", "/errors/0/detail", "/errors/0/message",
                    "/error_description", "/msg", "/error")) {
                JsonNode found = node.at(pointer);
                if (found.isTextual() && !found.asText().isBlank()) {
                    return found.asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the excerpt says what it was
        }
        return "body " + JsonSupport.excerpt(body);
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(ApiResponse response) {
        Optional<String> header = response.header("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** A failure's kind, as the metrics and the request listener name it. */
    static String outcome(ApiException e) {
        if (e instanceof ApiException.RateLimited) {
            return "rate_limited";
        }
        if (e instanceof ApiException.Authentication) {
            return "authentication";
        }
        if (e instanceof ApiException.ServerError) {
            return "server_error";
        }
        if (e instanceof ApiException.MalformedResponse) {
            return "malformed";
        }
        if (e instanceof ApiException.Transport) {
            return "transport";
        }
        return "client_error";
    }
}
