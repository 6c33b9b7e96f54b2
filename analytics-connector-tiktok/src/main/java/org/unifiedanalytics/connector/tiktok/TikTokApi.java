package org.unifiedanalytics.connector.tiktok;

import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.ResponseRule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The TikTok API for Business as the connector speaks it: errors arrive with HTTP 200 in the
 * {@code code / message / request_id} envelope, and are turned into the toolkit's failures here.
 */
final class TikTokApi {
    /** Rate limit (QPS/QPM/QPD exceeded): back off and retry. */
    static final int RATE_LIMITED = 40100;
    /** Invalid app id or secret. */
    static final int INVALID_APP = 40101;
    /** Access or refresh token invalid or expired (codes seen in public clients; the official table is unconfirmed). */
    static final Set<Integer> TOKEN_REJECTED = Set.of(40102, 40104, 40105);
    /** Invalid or expired authorization: the account must be authorized again. */
    static final int AUTHORIZATION_INVALID = 40110;
    static final Set<Integer> TRANSIENT = Set.of(50000, 50002);

    private final ApiClient client;

    TikTokApi(ApiClient.Builder builder) {
        this.client = builder.rule(ENVELOPE).secretParameters("refresh_token").build();
    }

    ApiClient client() {
        return client;
    }

    JsonNode send(ApiRequest request) {
        return client.send(request).json().path("data");
    }

    /** An access token TikTok refused: refresh it and try again, once. */
    static final class TokenRejected extends ApiException {
        private static final long serialVersionUID = 1L;

        TokenRejected(String message, String request) {
            super("token refused: " + message, request, 200, false, null);
        }
    }

    static final ResponseRule ENVELOPE = response -> {
        JsonNode body = response.json();
        int code = body.path("code").asInt(-1);
        if (code == 0) {
            return Optional.empty();
        }
        String message = "TikTok code " + code + ": " + body.path("message").asText("no message")
                + " (request_id " + body.path("request_id").asText("?") + ")";
        String request = response.requestDescription();
        if (code == RATE_LIMITED) {
            return Optional.of(new ApiException.RateLimited(message, request, 200, null));
        }
        if (TRANSIENT.contains(code)) {
            return Optional.of(new ApiException.ServerError(message, request, 200));
        }
        if (TOKEN_REJECTED.contains(code)) {
            return Optional.of(new TokenRejected(message, request));
        }
        if (code == INVALID_APP || code == AUTHORIZATION_INVALID) {
            return Optional.of(new ApiException.Authentication(message, request, 200));
        }
        if (code == -1) {
            return Optional.of(new ApiException.MalformedResponse("no code in the TikTok envelope", request, 200, null));
        }
        return Optional.of(new ApiException.ClientError(message, request, 200));
    };

}
