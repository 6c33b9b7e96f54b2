package org.unifiedanalytics.testkit.fakes;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Google's OAuth 2.0 token endpoint as a fake: the JWT bearer grant of service-account keys (the assertion's
 * RS256 signature checked against the key it issued, its {@code iss}, {@code aud}, {@code scope}, {@code iat}
 * and {@code exp}, at most one hour apart) and the refresh-token grant of authorized-user files. It answers
 * {@code {"access_token","expires_in","token_type"}}, or Google's {@code {"error","error_description"}} with
 * HTTP 400 or 401. Access tokens live an hour and carry the scopes granted.
 */
public final class FakeGoogleTokenEndpoint {
    /** The scope the GA4 Data API needs. */
    public static final String ANALYTICS_READONLY = "https://www.googleapis.com/auth/analytics.readonly";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

    private record ServiceAccount(String email, String keyId, KeyPair keys) {
    }

    private record AuthorizedUser(String clientId, String clientSecret, String refreshToken) {
    }

    private record IssuedToken(String subject, Set<String> scopes, Instant expiresAt) {
    }

    private final String tokenUri;
    private final Clock clock;
    private final Map<String, ServiceAccount> serviceAccounts = new ConcurrentHashMap<>();
    private final Map<String, AuthorizedUser> users = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger grants = new AtomicInteger();

    FakeGoogleTokenEndpoint(String tokenUri, Clock clock) {
        this.tokenUri = tokenUri;
        this.clock = clock;
    }

    /** The key file JSON of a new service account, with this endpoint as its {@code token_uri}. */
    public String newServiceAccountKey(String email) {
        KeyPair keys = rsaKeys();
        String keyId = "kid-" + counter.incrementAndGet();
        serviceAccounts.put(email, new ServiceAccount(email, keyId, keys));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode file = JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", "fake-project")
                .put("private_key_id", keyId)
                .put("private_key", pem)
                .put("client_email", email)
                .put("client_id", "1" + counter.get())
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", tokenUri);
        return file.toString();
    }

    /** The key file JSON of an authorized user, as {@code gcloud auth application-default login} writes it. */
    public String newAuthorizedUser(String clientId, String clientSecret) {
        String refreshToken = "1//fake-refresh-" + counter.incrementAndGet();
        users.put(refreshToken, new AuthorizedUser(clientId, clientSecret, refreshToken));
        return JSON.createObjectNode().put("type", "authorized_user").put("client_id", clientId)
                .put("client_secret", clientSecret).put("refresh_token", refreshToken).toString();
    }

    /** The service account's key is deleted: its assertions are refused from now on. */
    public void deleteKey(String email) {
        serviceAccounts.remove(email);
    }

    /** Every refresh token of authorized users is revoked. */
    public void revokeRefreshTokens() {
        users.clear();
    }

    /** Every access token issued so far stops working, as an hour later. */
    public void expireAccessTokens() {
        issued.clear();
    }

    /** How many tokens were granted. */
    public int grants() {
        return grants.get();
    }

    /** The subject (service-account email or client id) of a live access token that carries the scope, if any. */
    java.util.Optional<String> subjectOf(String accessToken, String scope) {
        IssuedToken token = issued.get(accessToken);
        if (token == null || !token.expiresAt().isAfter(clock.instant()) || !token.scopes().contains(scope)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(token.subject());
    }

    FakeResponse handle(RecordedRequest request) {
        if (!request.header("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = RecordedRequestForms.parse(request.body());
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals(JWT_BEARER)) {
            return jwtBearer(form.getOrDefault("assertion", ""));
        }
        if (grant.equals("refresh_token")) {
            AuthorizedUser user = users.get(form.getOrDefault("refresh_token", ""));
            if (user == null) {
                return error(400, "invalid_grant", "Token has been expired or revoked.");
            }
            if (!user.clientId().equals(form.get("client_id")) || !user.clientSecret().equals(form.get("client_secret"))) {
                return error(401, "invalid_client", "The OAuth client was not found.");
            }
            return grant(user.clientId(), Set.of(ANALYTICS_READONLY, "https://www.googleapis.com/auth/cloud-platform"));
        }
        return error(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
    }

    private FakeResponse jwtBearer(String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            return error(400, "invalid_grant", "Invalid JWT: not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return error(400, "invalid_grant", "Invalid JWT: the algorithm must be RS256");
        }
        ServiceAccount account = serviceAccounts.get(String.valueOf(claims.getIssuer()));
        if (account == null) {
            return error(400, "invalid_grant", "Invalid JWT Signature.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) account.keys().getPublic()))) {
                return error(400, "invalid_grant", "Invalid JWT Signature.");
            }
        } catch (JOSEException e) {
            return error(400, "invalid_grant", "Invalid JWT Signature.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenUri)) {
            return error(400, "invalid_grant", "Invalid JWT: the audience must be " + tokenUri);
        }
        Instant now = clock.instant();
        Date issuedAt = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issuedAt == null || expires == null || issuedAt.toInstant().isAfter(now.plus(ALLOWED_SKEW))
                || !expires.toInstant().isAfter(now.minus(ALLOWED_SKEW))
                || Duration.between(issuedAt.toInstant(), expires.toInstant()).compareTo(Duration.ofHours(1)) > 0) {
            return error(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
                    + "reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }
        Object scope = claims.getClaim("scope");
        if (scope == null || String.valueOf(scope).isBlank()) {
            return error(400, "invalid_scope", "Invalid oauth scope or ID token audience provided.");
        }
        return grant(account.email(), Set.of(String.valueOf(scope).split(" ")));
    }

    private FakeResponse grant(String subject, Set<String> scopes) {
        String token = "ya29.fake-" + counter.incrementAndGet();
        issued.put(token, new IssuedToken(subject, scopes, clock.instant().plusSeconds(3599)));
        grants.incrementAndGet();
        return FakeResponse.ok(JSON.createObjectNode().put("access_token", token).put("expires_in", 3599)
                .put("token_type", "Bearer").toString());
    }

    private static FakeResponse error(int status, String error, String description) {
        return FakeResponse.json(status, JSON.createObjectNode().put("error", error)
                .put("error_description", description).toString());
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no RSA on this JVM", e);
        }
    }

    /** Form bodies ({@code application/x-www-form-urlencoded}), decoded. */
    static final class RecordedRequestForms {
        private RecordedRequestForms() {
        }

        static Map<String, String> parse(String body) {
            Map<String, String> form = new java.util.LinkedHashMap<>();
            if (body == null || body.isEmpty()) {
                return form;
            }
            for (String part : body.split("&")) {
                int eq = part.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                form.put(name, eq < 0 ? "" : java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            return form;
        }
    }
}
