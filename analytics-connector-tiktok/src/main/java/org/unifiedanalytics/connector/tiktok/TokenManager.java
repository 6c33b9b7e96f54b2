package org.unifiedanalytics.connector.tiktok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.Credentials;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps each account's access token fresh: refreshed through {@code tt_user/oauth2/refresh_token/} before
 * it expires (access tokens live about 24 h) or when TikTok refuses it; refresh tokens rotate, and the
 * newest pair is saved to the credential store at once, so a rotation is never lost. A refresh token
 * TikTok refuses ends with {@link ReauthorizationRequiredException}.
 */
final class TokenManager {
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

    private final TikTokApi api;
    private final CredentialStore store;
    private final Clock clock;
    private final String appId;
    private final Secret appSecret;
    private final Map<String, Secret> configuredRefreshTokens;
    private final Map<String, Credentials> current = new ConcurrentHashMap<>();

    TokenManager(TikTokApi api, CredentialStore store, Clock clock, String appId, Secret appSecret,
                 Map<String, Secret> configuredRefreshTokens) {
        this.api = api;
        this.store = store;
        this.clock = clock;
        this.appId = appId;
        this.appSecret = appSecret;
        this.configuredRefreshTokens = Map.copyOf(configuredRefreshTokens);
    }

    /** A usable access token for the account, refreshed first when it is about to expire. */
    Secret accessToken(String account) {
        Credentials credentials = current.computeIfAbsent(account, a -> store.load(a).orElse(null));
        if (credentials == null || credentials.expiresWithin(REFRESH_MARGIN, clock.instant())) {
            credentials = refresh(account);
        }
        return credentials.accessToken();
    }

    /**
     * Exchanges the newest refresh token for new tokens and stores them, under the store's lock on the account:
     * when another process refreshed since this one last looked, its tokens are taken instead, so that a
     * rotated refresh token is never spent twice.
     */
    synchronized Credentials refresh(String account) {
        Credentials known = current.get(account);
        Credentials fresh = store.update(account, stored -> stored
                .filter(newer -> !newer.equals(known) && !newer.expiresWithin(REFRESH_MARGIN, clock.instant()))
                .orElseGet(() -> exchange(account, stored.map(Credentials::refreshToken)
                        .or(() -> Optional.ofNullable(known).map(Credentials::refreshToken))
                        .orElseGet(() -> configuredRefreshTokens.get(account)))));
        current.put(account, fresh);
        return fresh;
    }

    private Credentials exchange(String account, Secret refreshToken) {
        if (refreshToken == null) {
            throw new ReauthorizationRequiredException("no refresh token for TikTok account " + account
                    + ": authorize it and put its refresh token in refresh_tokens");
        }
        ObjectNode body = api.client().objectMapper().createObjectNode()
                .put("client_id", appId)
                .put("client_secret", appSecret.reveal())
                .put("grant_type", "refresh_token")
                .put("refresh_token", refreshToken.reveal());
        JsonNode data;
        try {
            data = api.send(ApiRequest.post("tt_user/oauth2/refresh_token/").jsonBody(body.toString()).build());
        } catch (TikTokApi.TokenRejected | ApiException.Authentication e) {
            throw new ReauthorizationRequiredException("re-authorize TikTok account " + account
                    + ": TikTok refused its refresh token (" + e.getMessage() + ")", e);
        }
        Instant now = clock.instant();
        String access = data.path("access_token").asText("");
        String rotated = data.path("refresh_token").asText("");
        if (access.isEmpty()) {
            throw new ApiException.MalformedResponse("the token refresh answered without an access_token",
                    "POST tt_user/oauth2/refresh_token/", 200, null);
        }
        return new Credentials(Secret.of(access), now.plusSeconds(data.path("expires_in").asLong(86_400)),
                rotated.isEmpty() ? refreshToken : Secret.of(rotated),
                data.has("refresh_token_expires_in") ? Optional.of(now.plusSeconds(data.path("refresh_token_expires_in").asLong()))
                        : Optional.empty());
    }
}
