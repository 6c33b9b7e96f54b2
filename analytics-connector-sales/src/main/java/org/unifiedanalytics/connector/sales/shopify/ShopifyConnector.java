package org.unifiedanalytics.connector.sales.shopify;

import java.net.URI;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.ResponseRule;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Shopify store over the GraphQL Admin API, paced by its query-cost bucket. */
final class ShopifyConnector implements Connector {
    static final String PLATFORM = "shopify";

    private final ConnectorConfig config;
    private final String shop;
    private final String path;
    private final CostAwareLimiter limiter = new CostAwareLimiter();
    /** Protected customer data fields Shopify withheld from this app (no approval), as it said per field. */
    private final Set<String> withheld = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The fields whose absence degrades an order rather than failing it: its customer key and journey stay empty. */
    static final Set<String> PROTECTED_FIELDS = Set.of("email", "phone", "customer", "landingPage", "referrerUrl");
    private final ApiClient api;
    private final ApiClient downloads;
    private final Logger logger;
    private final java.time.Clock clock;
    private final List<ShopifyOrdersStream> openStreams = new CopyOnWriteArrayList<>();

    ShopifyConnector(ConnectorContext context) {
        this.clock = context.clock();
        this.config = context.config();
        this.shop = config.string("shop");
        URI base = config.optionalUrl("base_url").orElse(URI.create("https://" + shop + ".myshopify.com"));
        this.path = "/admin/api/" + config.string("api_version") + "/graphql.json";
        String token = config.secret("access_token").reveal();
        this.api = context.http().baseUrl(base).header("X-Shopify-Access-Token", token).rule(errors(limiter, withheld)).build();
        // bulk results live on a storage host behind signed URLs: this client never carries the access token
        this.downloads = context.http().secretParameters("X-Goog-Signature", "X-Goog-Credential", "Signature").build();
        this.logger = context.logger();
        List<String> problems = new ArrayList<>();
        int pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > 250) {
            problems.add("'page_size' must be 1 to 250, got " + pageSize);
        }
        if (config.integer("bulk_after_days") < 0) {
            problems.add("'bulk_after_days' must be 0 (never) or more, got " + config.integer("bulk_after_days"));
        }
        if (config.duration("bulk_poll_interval").isNegative() || config.duration("bulk_poll_interval").isZero()) {
            problems.add("'bulk_poll_interval' must be positive, got " + config.duration("bulk_poll_interval"));
        }
        String version = config.string("api_version");
        LocalDate today = LocalDate.now(context.clock().withZone(java.time.ZoneOffset.UTC));
        Optional<ShopifyApiVersion> stable = ShopifyApiVersion.parse(version);
        if (stable.isEmpty()) {
            problems.add("'api_version' must be a stable version such as " + ShopifyProvider.DEFAULT_VERSION + ", got '" + version + "'");
        } else if (stable.get().retiredBy(today)) {
            problems.add("'api_version' " + version + " is no longer served by Shopify (retired " + stable.get().retired()
                    + "): set a supported version such as " + ShopifyProvider.DEFAULT_VERSION);
        } else if (stable.get().retiringSoon(today)) {
            logger.warn("Shopify retires API version {} on {}: test a newer version and set 'api_version'", version,
                    stable.get().retired());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("shopify configuration", problems);
        }
    }

    @Override
    public List<String> accounts() {
        return List.of(shop);
    }

    @Override
    public List<SourceStream> streams() {
        int pageSize = config.integer("page_size");
        ShopifyOrderPages pages = new ShopifyOrderPages(this, pageSize);
        ShopifyBulkExport bulk = new ShopifyBulkExport(this, downloads, config.duration("bulk_poll_interval"),
                config.duration("bulk_timeout"));
        ShopifyOrdersStream orders = new ShopifyOrdersStream(pages, bulk, Duration.ofDays(config.integer("bulk_after_days")),
                pageSize, logger);
        openStreams.add(orders);
        return List.of(orders, new ShopifyJourneysStream(pages, clock));
    }

    @Override
    public CheckResult check() {
        try {
            JsonNode data = graphql("query Check { shop { name currencyCode } currentAppInstallation { accessScopes { handle } } }",
                    api.objectMapper().createObjectNode());
            Set<String> scopes = new java.util.HashSet<>();
            data.path("currentAppInstallation").path("accessScopes").forEach(s -> scopes.add(s.path("handle").asText()));
            if (!scopes.contains("read_orders")) {
                return CheckResult.authentication("the Shopify token lacks the read_orders scope: grant it to the app");
            }
            if (!scopes.contains("read_all_orders")) {
                return CheckResult.configuration("the Shopify token lacks the read_all_orders scope: Shopify then shows only the"
                        + " last 60 days of orders, so a backfill would silently stop there; request the scope first");
            }
            graphql("query ProtectedData { orders(first: 1) { nodes { email customerJourneySummary { lastVisit { landingPage"
                    + " referrerUrl } } } } }", api.objectMapper().createObjectNode());
            if (!withheld.isEmpty()) {
                return CheckResult.configuration("Shopify withholds protected customer data " + withheld + " from this app: "
                        + "orders would load without customer keys and journeys, so attribution could not credit them; "
                        + "request access to protected customer data (Level 2) for the app, then check again");
            }
            return CheckResult.ok("connected to Shopify store '" + data.path("shop").path("name").asText(shop) + "' ("
                    + data.path("shop").path("currencyCode").asText("?") + ")");
        } catch (ApiException.Authentication e) {
            return CheckResult.authentication("Shopify refused the access token: " + e.getMessage());
        } catch (ApiException.ClientError e) {
            return CheckResult.configuration("Shopify refused the request (shop name or API version?): " + e.getMessage());
        } catch (ApiException e) {
            return CheckResult.transientFailure("Shopify could not be reached: " + e.getMessage());
        }
    }

    /** A run that stopped inside a bulk result leaves its temporary file: removed here. */
    @Override
    public void close() {
        openStreams.forEach(ShopifyOrdersStream::closeResult);
    }

    /** A GraphQL query, paced by the cost bucket; its {@code data}. */
    JsonNode graphql(String query, ObjectNode variables) {
        try {
            limiter.beforeQuery();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing Shopify queries", e);
        }
        ObjectNode body = api.objectMapper().createObjectNode().put("query", query);
        body.set("variables", variables);
        return api.send(ApiRequest.post(path).jsonBody(body.toString()).build()).json().path("data");
    }

    ApiClient api() {
        return api;
    }

    /** The page, with a note for the stream's report when Shopify withholds protected customer data from this app. */
    Page noted(Page page) {
        if (withheld.isEmpty()) {
            return page;
        }
        return page.withNote("Shopify withholds protected customer data " + new java.util.TreeSet<>(withheld) + " from this app:"
                + " orders load without customer keys and journeys, so attribution cannot credit them; request access to"
                + " protected customer data (Level 2) for the app");
    }

    /**
     * GraphQL errors come with HTTP 200 in {@code errors[]}: THROTTLED waits for the bucket to refill,
     * INTERNAL_SERVER_ERROR (Shopify's answer instead of a 500) is retried, any other is the request's fault.
     */
    private ResponseRule errors(CostAwareLimiter limiter, Set<String> withheld) {
        return response -> {
            JsonNode body = response.json();
            limiter.observe(body.path("extensions"));
            JsonNode errors = body.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return Optional.empty();
            }
            // An app without approval for protected customer data gets its orders with those fields null and an
            // ACCESS_DENIED error per field: the orders still load, without customer keys and journeys.
            Set<String> denied = new java.util.TreeSet<>();
            boolean onlyProtected = true;
            for (JsonNode error : errors) {
                JsonNode path = error.path("path");
                String field = path.isArray() && !path.isEmpty() ? path.get(path.size() - 1).asText() : "";
                if ("ACCESS_DENIED".equals(error.path("extensions").path("code").asText()) && PROTECTED_FIELDS.contains(field)) {
                    denied.add(field);
                } else {
                    onlyProtected = false;
                }
            }
            if (onlyProtected && body.path("data").isObject()) {
                if (withheld.addAll(denied)) {
                    logger.warn("Shopify withholds protected customer data ({}) from this app: orders load without customer "
                            + "keys and journeys; request access to protected customer data (Level 2) for the app", denied);
                }
                return Optional.empty();
            }
            List<String> messages = new ArrayList<>();
            boolean throttled = false;
            boolean internal = false;
            for (JsonNode error : errors) {
                messages.add(error.path("message").asText());
                throttled |= "THROTTLED".equals(error.path("extensions").path("code").asText());
                internal |= "INTERNAL_SERVER_ERROR".equals(error.path("extensions").path("code").asText());
            }
            if (throttled) {
                JsonNode cost = body.path("extensions").path("cost");
                double missing = cost.path("requestedQueryCost").asDouble(50)
                        - cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
                double rate = Math.max(0.1, cost.path("throttleStatus").path("restoreRate").asDouble(50));
                Duration wait = Duration.ofMillis((long) Math.ceil(Math.max(0, missing) / rate * 1000));
                return Optional.of(new ApiException.RateLimited("Shopify query cost bucket empty", response.requestDescription(),
                        response.status(), wait));
            }
            if (internal) {
                // Shopify's answer in place of a 500, with HTTP 200: transient, retried like one
                return Optional.of(new ApiException.ServerError("GraphQL errors: " + String.join("; ", messages),
                        response.requestDescription(), response.status()));
            }
            return Optional.of(new ApiException.ClientError("GraphQL errors: " + String.join("; ", messages),
                    response.requestDescription(), response.status()));
        };
    }
}
