package org.unifiedanalytics.testkit.fakes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fake TikTok Shop Partner API (202309) that verifies what the real one verifies: it recomputes every
 * request's signature (path, sorted query parameters but {@code sign} and {@code access_token}, the raw
 * body, wrapped in the app secret, HMAC-SHA256 hex) and refuses a wrong one with HTTP 401 and code 106001;
 * it refuses a {@code timestamp} more than five minutes from its clock; it wants the seller's token in
 * {@code x-tts-access-token} and a known {@code shop_cipher} on shop paths; it answers the token refresh of the
 * auth host (absolute-timestamp expiries; rotation) and 36004001 for a dead refresh token. Both hosts are this
 * one server.
 *
 * <p>It serves order search (at most 100 a page) and order detail (at most 50 ids), the return and the
 * cancellation searches (at most 50 a page; see {@link TikTokShopAfterSales}), and seller analytics for videos
 * (202509) and products (202405), at most 100 a page, paged by {@code page_size} and {@code page_token}. A
 * page size out of range is refused with 36009004, as TikTok Shop does; too many requests with HTTP 429 and
 * 36009002 ({@link #throttleNext}); seller analytics a shop may not read with HTTP 403
 * ({@link #refuseSellerAnalytics}).
 */
public final class FakeTikTokShopApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeApiServer server = FakeApiServer.start();
    private final String appKey;
    private final String appSecret;
    private final java.time.Clock clock;
    private final Map<String, String> shops = new LinkedHashMap<>();
    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final TikTokShopAfterSales afterSales = new TikTokShopAfterSales();
    private volatile boolean sellerAnalytics = true;
    private final TikTokShopOrders orders = new TikTokShopOrders();
    private final TikTokShopSellerAnalytics analytics = new TikTokShopSellerAnalytics();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile String currentRefreshToken;

    /** "Too many requests" in TikTok Shop's common error table. */
    public static final int TOO_MANY_REQUESTS = 36009002;
    /** "Internal error. Please try again." */
    public static final int INTERNAL_ERROR = 36009003;
    /** "invalid param error": a page size or id list out of range. */
    public static final int INVALID_PARAM = 36009004;
    /**
     * The answer to a timestamp further than {@link #TIMESTAMP_TOLERANCE} from the fake's clock. No public source
     * confirms a code of its own, so this fake answers as for a refused signature; a connector should read the
     * answer's {@code Date} header rather than rely on the code.
     */
    public static final int TIMESTAMP_REFUSED = 106001;
    /** How far a request's timestamp may stray from the fake's clock (the commonly cited five minutes). */
    public static final java.time.Duration TIMESTAMP_TOLERANCE = java.time.Duration.ofMinutes(5);
    /** The answer when a shop or app may not read seller analytics (unconfirmed code; HTTP 403). */
    public static final int ACCESS_DENIED = 105005;

    private FakeTikTokShopApi(String appKey, String appSecret, java.time.Clock clock) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
        currentRefreshToken = issue("rft", refreshTokens);
        server.route("GET", "/api/v2/token/refresh", this::refresh);
        server.route("GET", "/authorization/202309/shops", this::shops);
        server.route("POST", "/order/202309/orders/search", this::searchOrders);
        server.route("GET", "/order/202309/orders", this::orderDetail);
        server.route("POST", "/return_refund/202309/returns/search", r -> searchAfterSales(r, TikTokShopAfterSales.Kind.RETURNS));
        server.route("POST", "/return_refund/202309/cancellations/search",
                r -> searchAfterSales(r, TikTokShopAfterSales.Kind.CANCELLATIONS));
        server.route("GET", "/analytics/202509/shop_videos/performance", r -> performance(r, TikTokShopSellerAnalytics.Kind.VIDEOS));
        server.route("GET", "/analytics/202405/shop_products/performance", r -> performance(r, TikTokShopSellerAnalytics.Kind.PRODUCTS));
    }

    /** A fake that checks request timestamps against the system clock. */
    public static FakeTikTokShopApi start(String appKey, String appSecret) {
        return start(appKey, appSecret, java.time.Clock.systemUTC());
    }

    /** A fake whose clock (for checking request timestamps) is this one, for connectors run on a test clock. */
    public static FakeTikTokShopApi start(String appKey, String appSecret, java.time.Clock clock) {
        return new FakeTikTokShopApi(appKey, appSecret, clock);
    }

    public FakeApiServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl().toString();
    }

    /** The seller's current refresh token (it rotates). */
    public String refreshToken() {
        return currentRefreshToken;
    }

    /** A shop in the US market. */
    public synchronized FakeTikTokShopApi shop(String id, String cipher) {
        return shop(id, cipher, "US");
    }

    /** A shop in a market, by its two-letter region code ({@code GB}, {@code ID}, ...). */
    public synchronized FakeTikTokShopApi shop(String id, String cipher, String region) {
        shops.put(id, cipher);
        regions.put(id, region);
        return this;
    }

    /** Every row of a video's analytics gives its post time so, as TikTok Shop wrote it. */
    public FakeTikTokShopApi videoPostTime(String videoId, String asWritten) {
        analytics.videoPostTime(videoId, asWritten);
        return this;
    }

    /** Seller analytics are refused (HTTP 403) from now on, as for a shop or app that may not read them. */
    public void refuseSellerAnalytics() {
        sellerAnalytics = false;
    }

    /** An order of a shop, in the 202309 shape; each unit is its own line item. The same id again replaces it. */
    public ObjectNode order(String shop, String id, Instant created, Instant updated, String status, String currency,
                            String userId, String... unitPricesBySku) {
        return orders.order(shop, id, created, updated, status, currency, userId, unitPricesBySku);
    }

    /**
     * The shop's orders, {@code count} of them, made up as they are asked for instead of held (for scale tests of
     * millions): order {@code i} (from 0) has id {@code 580000000000000000 + i}, was created and last updated at
     * {@code first + i * step}, by one of a thousand buyers, with one unit at a price between 5.00 and 54.99. A shop
     * with generated orders has no others, and no returns or cancellations.
     */
    public FakeTikTokShopApi generatedOrders(String shop, int count, Instant first, java.time.Duration step,
                                                          String currency) {
        if (step.getSeconds() < 1) {
            throw new IllegalArgumentException("generated orders need a step of a second or more, got " + step);
        }
        orders.generate(new TikTokShopGeneratedOrders(shop, count, first.getEpochSecond(), step.getSeconds(), currency));
        return this;
    }

    /** A video's seller-analytics numbers for one day: views, GMV, and the click-through rate as TikTok writes it. */
    public FakeTikTokShopApi videoDay(String shop, java.time.LocalDate day, String videoId, String title, long views,
                                      String gmv, String currency, String clickThroughRate) {
        analytics.videoDay(shop, day, videoId, title, views, gmv, currency, clickThroughRate);
        return this;
    }

    /**
     * Every day, {@code videosPerDay} videos that sold the shop's products, their numbers made up as they are asked
     * for instead of held (for scale tests of a million daily rows): video {@code v} (from 0) has id
     * {@code 7400000000000000000 + v}, and its views, GMV (in {@code currency}) and click-through rate vary with
     * the day. A shop with generated video days has no other video or product rows.
     */
    public FakeTikTokShopApi generatedVideoDays(String shop, int videosPerDay, String currency) {
        if (videosPerDay < 1) {
            throw new IllegalArgumentException("generated video days need at least one video a day, got " + videosPerDay);
        }
        analytics.generate(new TikTokShopGeneratedVideoDays(shop, videosPerDay, currency));
        return this;
    }

    /** A product's seller-analytics numbers for one day (the 202405 list shape). */
    public FakeTikTokShopApi productDay(String shop, java.time.LocalDate day, String productId, String gmv,
                                        String currency, long orders, long unitsSold, String clickThroughRate) {
        analytics.productDay(shop, day, productId, gmv, currency, orders, unitsSold, clickThroughRate);
        return this;
    }

    /**
     * A return or refund of an order, in the 202309 {@code return_orders} shape; a later call with the same
     * return id replaces it (a status change). The order itself is left as it was.
     */
    public ObjectNode returnOrder(String orderId, String returnId, String type, String status, String refundTotal,
                                  String currency, Instant updated) {
        return afterSales.returnOrder(orderId, returnId, type, status, refundTotal, currency, updated);
    }

    /**
     * A cancellation of an order or of some of its lines, in the 202309 {@code cancellations} shape, with the
     * refund it brings; a later call with the same cancel id replaces it. The order is left as it was.
     */
    public ObjectNode cancellation(String orderId, String cancelId, String status, String refundTotal, String currency,
                                   Instant updated) {
        return afterSales.cancellation(orderId, cancelId, status, refundTotal, currency, updated);
    }

    /** The next {@code calls} signed calls answer HTTP 429 with the too-many-requests code. */
    public void throttleNext(int calls) {
        throttled.set(calls);
    }

    /** Every access token issued so far stops working (code 105002), as when TikTok Shop revokes them early. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token stops working. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    private String issue(String kind, Map<String, Boolean> tokens) {
        String token = kind + ".shop" + issued.incrementAndGet();
        tokens.put(token, true);
        return token;
    }

    private FakeResponse refresh(RecordedRequest request) {
        if (!appKey.equals(request.queryParameter("app_key").orElse("")) || !appSecret.equals(request.queryParameter("app_secret").orElse(""))) {
            return envelope(401, 106001, "Invalid credentials: app_key or app_secret", null);
        }
        String presented = request.queryParameter("refresh_token").orElse("");
        if (refreshTokens.remove(presented) == null) {
            return envelope(200, 36004001, "refresh token expired", null);
        }
        currentRefreshToken = issue("rft", refreshTokens);
        long now = Instant.now().getEpochSecond();
        ObjectNode data = JSON.createObjectNode().put("access_token", issue("act", accessTokens))
                .put("access_token_expire_in", now + 7 * 86_400).put("refresh_token", currentRefreshToken)
                .put("refresh_token_expire_in", now + 365 * 86_400).put("open_id", "seller-1").put("seller_name", "Clay & Co");
        return envelope(200, 0, "success", data);
    }

    private FakeResponse shops(RecordedRequest request) {
        FakeResponse refused = verify(request, false);
        if (refused != null) {
            return refused;
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("shops");
        shops.forEach((id, cipher) -> list.addObject().put("id", id).put("name", "Shop " + id).put("cipher", cipher)
                .put("region", regions.getOrDefault(id, "US")));
        return envelope(200, 0, "success", data);
    }

    private FakeResponse searchOrders(RecordedRequest request) {
        FakeResponse refused = verify(request, true);
        if (refused != null) {
            return refused;
        }
        JsonNode filter;
        try {
            filter = JSON.readTree(request.body());
        } catch (Exception e) {
            return envelope(400, 36009001, "the body is not JSON", null);
        }
        int pageSize = Integer.parseInt(request.queryParameter("page_size").orElse("0"));
        if (pageSize < 1 || pageSize > TikTokShopOrders.MAX_PAGE_SIZE) {
            return envelope(400, INVALID_PARAM, "page_size must be 1 to " + TikTokShopOrders.MAX_PAGE_SIZE, null);
        }
        return envelope(200, 0, "success", orders.search(shopOf(request), filter.path("update_time_ge").asLong(Long.MIN_VALUE),
                filter.path("update_time_lt").asLong(Long.MAX_VALUE), pageSize, request.queryParameter("page_token")));
    }

    private FakeResponse orderDetail(RecordedRequest request) {
        FakeResponse refused = verify(request, true);
        if (refused != null) {
            return refused;
        }
        List<String> ids = List.of(request.queryParameter("ids").orElse("").split(","));
        if (ids.size() > TikTokShopOrders.MAX_DETAIL_IDS || ids.get(0).isEmpty()) {
            return envelope(400, INVALID_PARAM, "ids must name 1 to " + TikTokShopOrders.MAX_DETAIL_IDS + " orders", null);
        }
        return envelope(200, 0, "success", orders.detail(shopOf(request), ids));
    }

    private FakeResponse searchAfterSales(RecordedRequest request, TikTokShopAfterSales.Kind kind) {
        FakeResponse refused = verify(request, true);
        if (refused != null) {
            return refused;
        }
        JsonNode filter;
        try {
            filter = JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
        } catch (Exception e) {
            return envelope(400, 36009001, "the body is not JSON", null);
        }
        List<String> shopOrders = orders.heldIds(shopOf(request));
        int pageSize = Integer.parseInt(request.queryParameter("page_size").orElse("0"));
        return afterSales.search(kind, filter, shopOrders, pageSize, request.queryParameter("page_token"))
                .map(data -> envelope(200, 0, "success", data))
                .orElseGet(() -> envelope(400, INVALID_PARAM, "page_size must be 1 to " + TikTokShopAfterSales.MAX_PAGE_SIZE, null));
    }

    private FakeResponse performance(RecordedRequest request, TikTokShopSellerAnalytics.Kind kind) {
        FakeResponse refused = verify(request, true);
        if (refused != null) {
            return refused;
        }
        if (!sellerAnalytics) {
            return envelope(403, ACCESS_DENIED, "Access denied: this shop has not enabled seller analytics for the app, or the"
                    + " app lacks the scope data.shop_analytics.public.read", null);
        }
        int pageSize = Integer.parseInt(request.queryParameter("page_size").orElse("10"));
        String from = request.queryParameter("start_date_ge").orElse("");
        String to = request.queryParameter("end_date_lt").orElse("");
        if (!isDate(from) || !isDate(to)) {
            return envelope(400, INVALID_PARAM, "start_date_ge and end_date_lt must be dates (YYYY-MM-DD)", null);
        }
        return analytics.page(kind, shopOf(request), from, to, pageSize, request.queryParameter("page_token"))
                .map(data -> envelope(200, 0, "success", data))
                .orElseGet(() -> envelope(400, INVALID_PARAM, "page_size must be 1 to " + TikTokShopSellerAnalytics.MAX_PAGE_SIZE,
                        null));
    }

    private static boolean isDate(String text) {
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private String shopOf(RecordedRequest request) {
        String cipher = request.queryParameter("shop_cipher").orElse("");
        synchronized (this) {
            return shops.entrySet().stream().filter(e -> e.getValue().equals(cipher)).map(Map.Entry::getKey).findFirst().orElse("");
        }
    }

    /** The checks of every signed call; null when it may go on. */
    private FakeResponse verify(RecordedRequest request, boolean shopScoped) {
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return envelope(429, TOO_MANY_REQUESTS, "Too many requests. You've made too many requests in a short period of time.", null);
        }
        Map<String, String> query = request.query();
        String expected = sign(request.path(), query, request.method().equals("GET") ? null : request.body());
        if (!expected.equals(query.get("sign"))) {
            return envelope(401, 106001, "Invalid credentials. The 'sign' query parameter is invalid.", null);
        }
        if (!appKey.equals(query.get("app_key")) || query.get("timestamp") == null) {
            return envelope(401, 106001, "Invalid credentials: app_key or timestamp", null);
        }
        long skew = Math.abs(Long.parseLong(query.get("timestamp")) - clock.instant().getEpochSecond());
        if (skew > TIMESTAMP_TOLERANCE.toSeconds()) {
            return envelope(401, TIMESTAMP_REFUSED, "Invalid credentials. The 'timestamp' query parameter is invalid.", null);
        }
        if (!accessTokens.containsKey(request.header("x-tts-access-token").orElse(""))) {
            return envelope(401, 105002, "the access token is invalid or expired", null);
        }
        if (shopScoped && !shops.containsValue(query.getOrDefault("shop_cipher", ""))) {
            return envelope(400, 106011, "shop_cipher is missing or unknown", null);
        }
        if (!shopScoped && query.containsKey("shop_cipher")) {
            return envelope(400, 106012, "shop_cipher must not be sent on this path", null);
        }
        return null;
    }

    private String sign(String path, Map<String, String> query, String body) {
        StringBuilder text = new StringBuilder(path);
        new TreeMap<>(query).forEach((k, v) -> {
            if (!k.equals("sign") && !k.equals("access_token")) {
                text.append(k).append(v);
            }
        });
        if (body != null && !body.isEmpty()) {
            text.append(body);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((appSecret + text + appSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeResponse envelope(int status, int code, String message, JsonNode data) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message)
                .put("request_id", "2026" + Math.abs(message.hashCode()));
        body.set("data", data == null ? JSON.nullNode() : data);
        return FakeResponse.json(status, body.toString());
    }
}
