package org.unifiedanalytics.connector.ga4;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for the Data API from a {@link GoogleKey}, as Google's libraries get them: a service account
 * signs a one-hour JWT (RS256, {@code kid} = its key id, audience = the token endpoint, scope
 * {@code analytics.readonly}) and trades it in the JWT bearer grant; an authorized user trades its refresh
 * token. A token is kept until five minutes before it expires. The endpoint's answers are never quoted in a
 * message: they hold tokens.
 */
final class GoogleTokenSource {
    static final String SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final GoogleKey key;
    private final ApiClient client;
    private final Clock clock;
    private Secret token;
    private Instant expiresAt = Instant.MIN;

    GoogleTokenSource(GoogleKey key, ApiClient client, Clock clock) {
        this.key = key;
        this.client = client;
        this.clock = clock;
    }

    /** A token good for at least five more minutes. */
    synchronized Secret token() {
        if (token == null || !expiresAt.isAfter(clock.instant().plus(MARGIN))) {
            refresh();
        }
        return token;
    }

    /** Forgets the token (the API refused it): the next call gets a new one. */
    synchronized void invalidate() {
        token = null;
    }

    private void refresh() {
        Map<String, String> form = new LinkedHashMap<>();
        if (key instanceof GoogleKey.ServiceAccount account) {
            form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.put("assertion", assertion(account));
        } else if (key instanceof GoogleKey.AuthorizedUser user) {
            form.put("grant_type", "refresh_token");
            form.put("client_id", user.clientId());
            form.put("client_secret", user.clientSecret().reveal());
            form.put("refresh_token", user.refreshToken().reveal());
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiRequest request = ApiRequest.post(key.tokenUri().toString()).body(body, "application/x-www-form-urlencoded").build();
        JsonNode answer;
        try {
            answer = client.send(request).json();
        } catch (ApiException.MalformedResponse e) {
            throw new ApiException.MalformedResponse("the token endpoint's answer was not the JSON it promises "
                    + "(not quoted: it may hold a token)", "POST " + key.tokenUri(), e.status(), null);
        } catch (ApiException.Authentication | ApiException.ClientError e) {
            throw new ReauthorizationRequiredException("re-authorize Google access for " + key.principal() + ": the token "
                    + "endpoint refused its credentials (" + e.getMessage() + ")" + hint(), e);
        }
        String access = answer.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new ApiException.MalformedResponse("the token endpoint answered without an access_token",
                    "POST " + key.tokenUri(), 200, null);
        }
        token = Secret.of(access);
        expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
    }

    private String hint() {
        return key instanceof GoogleKey.ServiceAccount
                ? "; the key may have been deleted or the clock may be off: create a new key for the service account"
                : "; run `gcloud auth application-default login --scopes=" + SCOPE + ",https://www.googleapis.com/auth/cloud-platform` again";
    }

    private String assertion(GoogleKey.ServiceAccount account) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(account.email()).audience(account.tokenUri().toString())
                .claim("scope", SCOPE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(account.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(account.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the service-account JWT of " + account.email() + ": " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
