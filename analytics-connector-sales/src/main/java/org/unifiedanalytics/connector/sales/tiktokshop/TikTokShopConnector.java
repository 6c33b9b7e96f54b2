package org.unifiedanalytics.connector.sales.tiktokshop;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.Credentials;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.ResponseRule;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;

/** One seller's TikTok Shop: its shops, signed calls, and the seller token kept fresh. */
final class TikTokShopConnector implements Connector {
    static final String PLATFORM = "tiktok_shop";
    /** Token codes seen in a maintained SDK: no auth record, refresh token expired. */
    static final List<Integer> REAUTHORIZE = List.of(36004005, 36004001);
    static final int BAD_SIGNATURE = 106001;
    /** The access token is invalid or expired: two independent public clients refresh on it; no official table reachable here. */
    static final int ACCESS_TOKEN_REFUSED = 105002;

    /** An access token TikTok Shop refused: refreshed once, then the call is made again. */
    static final class TokenRefused extends ApiException {
        private static final long serialVersionUID = 1L;

        TokenRefused(String message, String request, int status) {
            super("access token refused: " + message, request, status, false, null);
        }
    }
    private static final String SELLER = "seller";

    private final ConnectorConfig config;
    private final Clock clock;
    private final ApiClient api;
    private final ApiClient auth;
    private final TikTokShopSigner signer;
    private final CredentialStore credentials;
    private final Logger logger;
    private final Map<String, String> ciphers = new ConcurrentHashMap<>();
    private volatile Credentials current;

    TikTokShopConnector(ConnectorContext context) {
        this.config = context.config();
        this.clock = context.clock();
        int pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > 100) {
            throw new ConfigurationException("tiktok-shop configuration", List.of("'page_size' must be 1 to 100, got " + pageSize));
        }
        this.signer = new TikTokShopSigner(config.secret("app_secret").reveal());
        this.api = context.http().baseUrl(config.url("base_url")).rule(ENVELOPE).build();
        this.auth = context.http().baseUrl(config.url("auth_url")).rule(ENVELOPE).build();
        this.credentials = context.credentials();
        this.logger = context.logger();
    }

    @Override
    public List<String> accounts() {
        return config.list("shops");
    }

    @Override
    public List<SourceStream> streams() {
        int pageSize = config.integer("page_size");
        TikTokShopReturns returns = new TikTokShopReturns(this, Math.min(pageSize, 50));
        return List.of(new TikTokShopOrdersStream(this, returns, pageSize), new TikTokShopReturnsStream(this, returns, logger),
                new TikTokShopPerformanceStream(this, clock, pageSize));
    }

    @Override
    public CheckResult check() {
        try {
            for (String shop : accounts()) {
                cipher(shop);
            }
            return CheckResult.ok("connected to " + accounts().size() + " TikTok Shop shop(s): " + String.join(", ", accounts()));
        } catch (ReauthorizationRequiredException e) {
            return CheckResult.authentication(e.getMessage());
        } catch (ApiException.Authentication e) {
            return CheckResult.authentication(e.getMessage());
        } catch (ConfigurationException e) {
            return CheckResult.configuration(e.getMessage());
        } catch (ApiException e) {
            return CheckResult.transientFailure("TikTok Shop could not be reached: " + e.getMessage());
        }
    }

    /** A signed call: app_key, timestamp, the shop's cipher (for shop-scoped paths), sign; the token in its header. */
    JsonNode call(String method, String path, Map<String, String> parameters, Optional<String> shop, String body) {
        try {
            return signedCall(method, path, parameters, shop, body);
        } catch (TokenRefused e) {
            current = refresh(current);
            return signedCall(method, path, parameters, shop, body);
        }
    }

    private JsonNode signedCall(String method, String path, Map<String, String> parameters, Optional<String> shop, String body) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", config.string("app_key"));
        query.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        shop.ifPresent(s -> query.put("shop_cipher", cipher(s)));
        query.putAll(parameters);
        query.put("sign", signer.sign(path, query, body));
        ApiRequest.Builder request = ApiRequest.method(method, path).query(query)
                .header("x-tts-access-token", accessToken().reveal());
        if (body != null) {
            request.jsonBody(body);
        }
        return api.send(request.build()).json().path("data");
    }

    private String cipher(String shop) {
        String known = ciphers.get(shop);
        if (known != null) {
            return known;
        }
        JsonNode shops = call("GET", "/authorization/202309/shops", Map.of(), Optional.empty(), null).path("shops");
        for (JsonNode s : shops) {
            ciphers.put(s.path("id").asText(), s.path("cipher").asText());
        }
        String found = ciphers.get(shop);
        if (found == null) {
            throw new ConfigurationException("tiktok-shop configuration", List.of("shop '" + shop
                    + "' is not among the shops this seller authorized: " + ciphers.keySet()));
        }
        return found;
    }

    private Secret accessToken() {
        Credentials credentials = current != null ? current : this.credentials.load(SELLER).orElse(null);
        if (credentials == null || credentials.expiresWithin(java.time.Duration.ofMinutes(10), clock.instant())) {
            credentials = refresh(credentials);
        }
        current = credentials;
        return credentials.accessToken();
    }

    /** GET {auth}/api/v2/token/refresh; the expiries in the answer are absolute Unix times. */
    private synchronized Credentials refresh(Credentials previous) {
        Secret refreshToken = previous != null ? previous.refreshToken() : config.secret("refresh_token");
        JsonNode data;
        try {
            data = auth.send(ApiRequest.get("/api/v2/token/refresh").query("app_key", config.string("app_key"))
                    .query("app_secret", config.secret("app_secret").reveal()).query("refresh_token", refreshToken.reveal())
                    .query("grant_type", "refresh_token").build()).json().path("data");
        } catch (ApiException.Authentication e) {
            throw new ReauthorizationRequiredException("re-authorize the TikTok Shop seller: the refresh token is refused ("
                    + e.getMessage() + ")", e);
        }
        Credentials fresh = new Credentials(Secret.of(data.path("access_token").asText()),
                Instant.ofEpochSecond(data.path("access_token_expire_in").asLong()),
                Secret.of(data.path("refresh_token").asText(refreshToken.reveal())),
                data.has("refresh_token_expire_in") ? Optional.of(Instant.ofEpochSecond(data.path("refresh_token_expire_in").asLong()))
                        : Optional.empty());
        credentials.save(SELLER, fresh);
        return fresh;
    }

    /** "Too many requests": back off and retry (the common error table; public clients agree). */
    static final int TOO_MANY_REQUESTS = 36009002;
    /** "Internal error. Please try again": retried like a 5xx. */
    static final int INTERNAL_ERROR = 36009003;

    /** TikTok Shop answers errors in a code / message / request_id envelope, with HTTP 200 or a matching 4xx. */
    static final ResponseRule ENVELOPE = response -> {
        JsonNode body = response.json();
        int code = body.path("code").asInt(-1);
        if (code == 0) {
            return Optional.empty();
        }
        String message = "TikTok Shop code " + code + ": " + body.path("message").asText("no message") + " (request_id "
                + body.path("request_id").asText("?") + ")";
        if (code == BAD_SIGNATURE) {
            URI uri = URI.create(response.requestDescription().substring(response.requestDescription().indexOf(' ') + 1));
            return Optional.of(new ApiException.Authentication("the request signature was refused; it covered the path "
                    + uri.getPath() + ", the query parameters " + parameterNames(uri) + " and the body as sent, wrapped in"
                    + " the app_secret: check app_secret (" + message + ")", response.requestDescription(), response.status()));
        }
        if (code == ACCESS_TOKEN_REFUSED) {
            return Optional.of(new TokenRefused(message, response.requestDescription(), response.status()));
        }
        if (response.status() >= 500 || (response.status() >= 400 && code == -1)) {
            return Optional.empty();
        }
        if (REAUTHORIZE.contains(code)) {
            return Optional.of(new ApiException.Authentication(message, response.requestDescription(), response.status()));
        }
        if (response.status() == 429 || code == TOO_MANY_REQUESTS) {
            return Optional.of(new ApiException.RateLimited(message, response.requestDescription(), response.status(), null));
        }
        if (code == INTERNAL_ERROR) {
            return Optional.of(new ApiException.ServerError(message, response.requestDescription(), response.status()));
        }
        return Optional.of(new ApiException.ClientError(message, response.requestDescription(), response.status()));
    };

    private static List<String> parameterNames(URI uri) {
        if (uri.getRawQuery() == null) {
            return List.of();
        }
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=")[0]).filter(n -> !n.equals("sign"))
                .sorted().toList();
    }
}
