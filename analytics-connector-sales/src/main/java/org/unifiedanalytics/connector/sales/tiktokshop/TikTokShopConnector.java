package org.unifiedanalytics.connector.sales.tiktokshop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;

/** One seller's TikTok Shop: its shops, signed calls, and the seller token kept fresh. */
final class TikTokShopConnector implements Connector {
    static final String PLATFORM = "tiktok_shop";
    private static final String SELLER = "seller";

    private final ConnectorConfig config;
    private final Clock clock;
    private final ApiClient api;
    private final ApiClient auth;
    private final TikTokShopSigner signer;
    private final CredentialStore credentials;
    private final Logger logger;
    private final Map<String, AuthorizedShop> shops = new ConcurrentHashMap<>();
    private volatile Credentials current;

    TikTokShopConnector(ConnectorContext context) {
        this.config = context.config();
        this.clock = context.clock();
        int pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > 100) {
            throw new ConfigurationException("tiktok-shop configuration", List.of("'page_size' must be 1 to 100, got " + pageSize));
        }
        this.signer = new TikTokShopSigner(config.secret("app_secret").reveal());
        this.api = context.http().baseUrl(config.url("base_url")).rule(TikTokShopErrors.ENVELOPE).build();
        this.auth = context.http().baseUrl(config.url("auth_url")).rule(TikTokShopErrors.ENVELOPE).build();
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
            for (String shop : accounts()) {
                Optional<String> refused = sellerAnalyticsRefused(shop);
                if (refused.isPresent()) {
                    return CheckResult.configuration(refused.get());
                }
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

    /** One row of yesterday's video analytics, to learn whether the shop and the app may read them. */
    private Optional<String> sellerAnalyticsRefused(String shop) {
        java.time.LocalDate yesterday = java.time.LocalDate.now(clock.withZone(zoneOf(shop))).minusDays(1);
        try {
            call("GET", TikTokShopPerformanceStream.VIDEOS_PATH, Map.of("start_date_ge", yesterday.toString(), "end_date_lt",
                    yesterday.plusDays(1).toString(), "page_size", "1", "currency", "LOCAL"), Optional.of(shop), null);
            return Optional.empty();
        } catch (TikTokShopErrors.AccessDenied e) {
            return Optional.of(TikTokShopPerformanceStream.analyticsRefused(shop, e).getMessage());
        }
    }

    /** A signed call: app_key, timestamp, the shop's cipher (for shop-scoped paths), sign; the token in its header. */
    JsonNode call(String method, String path, Map<String, String> parameters, Optional<String> shop, String body) {
        try {
            return signedCall(method, path, parameters, shop, body);
        } catch (TikTokShopErrors.TokenRefused e) {
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
        return authorizedShop(shop).cipher();
    }

    /** A shop the seller authorized, as {@code GET /authorization/202309/shops} describes it; looked up once. */
    AuthorizedShop authorizedShop(String shop) {
        AuthorizedShop known = shops.get(shop);
        if (known != null) {
            return known;
        }
        for (JsonNode s : call("GET", "/authorization/202309/shops", Map.of(), Optional.empty(), null).path("shops")) {
            AuthorizedShop authorized = new AuthorizedShop(s.path("id").asText(), s.path("name").asText(null),
                    s.path("region").asText(""), s.path("cipher").asText());
            shops.put(authorized.id(), authorized);
        }
        AuthorizedShop found = shops.get(shop);
        if (found == null) {
            throw new ConfigurationException("tiktok-shop configuration", List.of("shop '" + shop
                    + "' is not among the shops this seller authorized: " + shops.keySet()));
        }
        return found;
    }

    /** The zone of the shop's days: the {@code time_zone} setting, or its market's. */
    ZoneId zoneOf(String shop) {
        if (config.has("time_zone")) {
            return config.zone("time_zone");
        }
        AuthorizedShop authorized = authorizedShop(shop);
        return TikTokShopMarkets.zoneOf(authorized.region()).orElseThrow(() -> new ConfigurationException(
                "tiktok-shop configuration", List.of("shop '" + shop + "' is in the market '" + authorized.region()
                        + "', whose zone is not known here: set 'time_zone' to the zone its Seller Center reports in")));
    }

    /** One authorized shop: its id, name, market ({@code region}) and the cipher shop-scoped calls carry. */
    record AuthorizedShop(String id, String name, String region, String cipher) {
    }

    private Secret accessToken() {
        Credentials credentials = current != null ? current : this.credentials.load(SELLER).orElse(null);
        if (credentials == null || credentials.expiresWithin(java.time.Duration.ofMinutes(10), clock.instant())) {
            credentials = refresh(credentials);
        }
        current = credentials;
        return credentials.accessToken();
    }

    /**
     * New seller tokens, stored under the credential store's lock: when another process refreshed since
     * {@code previous} was read, its tokens are taken instead, so that a rotated refresh token is never spent twice.
     */
    private synchronized Credentials refresh(Credentials previous) {
        return credentials.update(SELLER, stored -> stored
                .filter(newer -> !newer.equals(previous) && !newer.expiresWithin(java.time.Duration.ofMinutes(10), clock.instant()))
                .orElseGet(() -> exchange(stored.or(() -> Optional.ofNullable(previous)).map(Credentials::refreshToken)
                        .orElseGet(() -> config.secret("refresh_token")))));
    }

    /** GET {auth}/api/v2/token/refresh; the expiries in the answer are absolute Unix times. */
    private Credentials exchange(Secret refreshToken) {
        JsonNode data;
        try {
            data = auth.send(ApiRequest.get("/api/v2/token/refresh").query("app_key", config.string("app_key"))
                    .query("app_secret", config.secret("app_secret").reveal()).query("refresh_token", refreshToken.reveal())
                    .query("grant_type", "refresh_token").build()).json().path("data");
        } catch (ApiException.Authentication e) {
            throw new ReauthorizationRequiredException("re-authorize the TikTok Shop seller: the refresh token is refused ("
                    + e.getMessage() + ")", e);
        }
        return new Credentials(Secret.of(data.path("access_token").asText()),
                Instant.ofEpochSecond(data.path("access_token_expire_in").asLong()),
                Secret.of(data.path("refresh_token").asText(refreshToken.reveal())),
                data.has("refresh_token_expire_in") ? Optional.of(Instant.ofEpochSecond(data.path("refresh_token_expire_in").asLong()))
                        : Optional.empty());
    }
}
