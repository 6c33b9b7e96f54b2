package org.unifiedanalytics.testkit.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fake TikTok API for Business (v1.3 Accounts endpoints) on loopback that checks what the real one
 * checks: the {@code Access-Token} header (not {@code Authorization}) with a live token of the account,
 * {@code fields} as a JSON array string, {@code max_count} at most 20, a {@code business/get} start date at most
 * {@value #DAILY_METRICS_DAYS} days back (code 40002 otherwise; the end date defaults to yesterday); answers errors with HTTP 200 in the
 * {@code code / message / request_id} envelope; pages posts newest first by {@code cursor} and
 * {@code has_more}; rotates refresh tokens; and can expire access tokens mid-sync, revoke refresh tokens
 * and answer the rate-limit code. Assumption (unconfirmed for TikTok, common in OAuth servers): a refresh
 * presented again before its new access token is used gets the same answer, so an answer lost in transit
 * can be fetched again.
 *
 * <pre>{@code
 * FakeTikTokApi tiktok = FakeTikTokApi.start("app-1", "app-secret");
 * String refresh = tiktok.account("biz-1", "clayandco").refreshToken();
 * tiktok.account("biz-1").video("7311", Instant.parse("2026-03-01T17:00:00Z"), "Throwing a mug").views(1200);
 * // base URL for the connector: tiktok.baseUrl()
 * }</pre>
 */
public final class FakeTikTokApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/open_api/v1.3/";

    private final FakeApiServer server;
    private final String appId;
    private final String appSecret;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger rateLimitedCalls = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final Map<String, ObjectNode> lastRefresh = new ConcurrentHashMap<>();
    private final AtomicInteger expireAfter = new AtomicInteger(-1);
    private final java.util.Set<String> usedAccessTokens = ConcurrentHashMap.newKeySet();

    /** Daily account metrics are served for this many days back, as TikTok keeps them (two secondary sources say 60). */
    public static final int DAILY_METRICS_DAYS = 60;

    private final java.time.Clock clock;

    private FakeTikTokApi(String appId, String appSecret, java.time.Clock clock) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
        this.server = FakeApiServer.start();
        server.route("POST", PREFIX + "tt_user/oauth2/refresh_token/", this::refresh);
        server.route("GET", PREFIX + "business/get/", this::businessGet);
        server.route("GET", PREFIX + "business/video/list/", this::videoList);
    }

    public static FakeTikTokApi start(String appId, String appSecret) {
        return start(appId, appSecret, java.time.Clock.systemUTC());
    }

    /** A fake whose "today" (what {@code business/get} still serves) follows this clock. */
    public static FakeTikTokApi start(String appId, String appSecret, java.time.Clock clock) {
        return new FakeTikTokApi(appId, appSecret, clock);
    }

    /** The base URL a connector is configured with: {@code http://127.0.0.1:port/open_api/v1.3/}. */
    public String baseUrl() {
        return server.baseUrl() + PREFIX;
    }

    public FakeApiServer server() {
        return server;
    }

    /** A new account with a fresh refresh token. */
    public synchronized Account account(String businessId, String username) {
        Account account = new Account(businessId, username);
        accounts.put(businessId, account);
        account.refreshToken = issue("rft", businessId, refreshTokens);
        return account;
    }

    public synchronized Account account(String businessId) {
        return accounts.get(businessId);
    }

    /** Every access token issued so far stops working, as after a day. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token stops working: the accounts must be authorized again. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** After {@code calls} more data calls, every access token expires (a token running out mid-sync). */
    public void expireAccessTokensAfter(int calls) {
        expireAfter.set(calls);
    }

    /** The next {@code calls} data calls answer the rate-limit code 40100. */
    public void rateLimitNext(int calls) {
        rateLimitedCalls.set(calls);
    }

    public int refreshCount() {
        return refreshes.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private String issue(String kind, String businessId, Map<String, String> tokens) {
        String token = kind + ".fake" + issued.incrementAndGet() + "." + businessId;
        tokens.put(token, businessId);
        return token;
    }

    private FakeResponse refresh(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            return envelope(40002, "body is not JSON", null);
        }
        if (!appId.equals(body.path("client_id").asText()) || !appSecret.equals(body.path("client_secret").asText())) {
            return envelope(40101, "invalid app id or secret", null);
        }
        if (!"refresh_token".equals(body.path("grant_type").asText())) {
            return envelope(40002, "grant_type must be refresh_token", null);
        }
        String presented = body.path("refresh_token").asText();
        ObjectNode replay = lastRefresh.get(presented);
        if (replay != null && accessTokens.containsKey(replay.path("access_token").asText())
                && !usedAccessTokens.contains(replay.path("access_token").asText())) {
            // The same refresh answered again while its result is unused: a lost answer can be asked for once more.
            return envelope(0, "OK", replay);
        }
        String businessId = refreshTokens.remove(presented);
        if (businessId == null) {
            return envelope(40104, "refresh token is invalid or expired", null);
        }
        refreshes.incrementAndGet();
        Account account = accounts.get(businessId);
        account.refreshToken = issue("rft", businessId, refreshTokens);
        ObjectNode data = JSON.createObjectNode().put("access_token", issue("act", businessId, accessTokens))
                .put("token_type", "Bearer").put("expires_in", 86_400).put("refresh_token", account.refreshToken)
                .put("refresh_token_expires_in", 31_536_000).put("open_id", businessId).put("scope", "user.insights,video.list,video.insights");
        lastRefresh.put(presented, data);
        return envelope(0, "OK", data);
    }

    private FakeResponse businessGet(RecordedRequest request) {
        FakeResponse refused = checkCall(request);
        if (refused != null) {
            return refused;
        }
        Account account = accounts.get(request.queryParameter("business_id").orElse(""));
        ObjectNode data = JSON.createObjectNode().put("username", account.username).put("display_name", account.username)
                .put("followers_count", account.followers);
        ArrayNode metrics = data.putArray("metrics");
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalDate to = request.queryParameter("end_date").map(LocalDate::parse).orElse(today.minusDays(1));
        LocalDate from = request.queryParameter("start_date").map(LocalDate::parse).orElse(to);
        if (from.isBefore(today.minusDays(DAILY_METRICS_DAYS))) {
            return envelope(40002, "start_date " + from + " is out of range: daily metrics are available for the last "
                    + DAILY_METRICS_DAYS + " days", null);
        }
        if (to.isBefore(from)) {
            return envelope(40002, "end_date must not be before start_date", null);
        }
        account.days.forEach((day, values) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                ObjectNode row = metrics.addObject().put("date", day.toString());
                values.forEach(row::put);
            }
        });
        return envelope(0, "OK", data);
    }

    private FakeResponse videoList(RecordedRequest request) {
        FakeResponse refused = checkCall(request);
        if (refused != null) {
            return refused;
        }
        int maxCount = Integer.parseInt(request.queryParameter("max_count").orElse("20"));
        if (maxCount < 1 || maxCount > 20) {
            return envelope(40002, "max_count must be between 1 and 20", null);
        }
        Account account = accounts.get(request.queryParameter("business_id").orElse(""));
        List<Video> videos = new ArrayList<>(account.videos.values());
        videos.sort(Comparator.comparing((Video v) -> v.created).reversed());
        int offset = request.queryParameter("cursor").map(Integer::parseInt).orElse(0);
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("videos");
        for (Video video : videos.subList(Math.min(offset, videos.size()), Math.min(offset + maxCount, videos.size()))) {
            ObjectNode node = list.addObject().put("item_id", video.id).put("create_time", video.created.getEpochSecond())
                    .put("caption", video.caption).put("share_url", "https://www.tiktok.com/@" + account.username + "/video/" + video.id)
                    .put("media_type", "VIDEO").put("video_duration", 31.2);
            if (video.asJsonNumbers) {
                node.put("item_id", new java.math.BigInteger(video.id)).put("caption", new java.math.BigDecimal(video.caption));
            }
            video.metrics.forEach(node::put);
            node.put("full_video_watched_rate", 0.183);
        }
        data.put("cursor", offset + maxCount).put("has_more", offset + maxCount < videos.size());
        return envelope(0, "OK", data);
    }

    /** What the real API checks on every data call; null when the call may go on. */
    private FakeResponse checkCall(RecordedRequest request) {
        if (expireAfter.get() >= 0 && expireAfter.getAndDecrement() == 0) {
            accessTokens.clear();
        }
        if (request.header("Authorization").isPresent() && request.header("Access-Token").isEmpty()) {
            return envelope(40105, "access token is missing: send it in the Access-Token header", null);
        }
        request.header("Access-Token").ifPresent(usedAccessTokens::add);
        String owner = request.header("Access-Token").map(accessTokens::get).orElse(null);
        if (owner == null) {
            return envelope(40105, "access token has expired or is invalid", null);
        }
        if (!owner.equals(request.queryParameter("business_id").orElse(""))) {
            return envelope(40001, "the access token does not belong to this business_id", null);
        }
        String fields = request.queryParameter("fields").orElse("");
        try {
            if (!fields.isEmpty() && !JSON.readTree(fields).isArray()) {
                return envelope(40002, "fields must be a JSON array", null);
            }
        } catch (Exception e) {
            return envelope(40002, "fields must be a JSON array", null);
        }
        if (rateLimitedCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return envelope(40100, "Too many requests. Please retry in some time.", null);
        }
        return null;
    }

    private static FakeResponse envelope(int code, String message, JsonNode data) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message)
                .put("request_id", "20260310" + Math.abs(message.hashCode()));
        body.set("data", data == null ? JSON.createObjectNode() : data);
        return FakeResponse.ok(body.toString());
    }

    /** One account of the fake: profile, daily metrics and posts. */
    public static final class Account {
        private final String businessId;
        private final String username;
        private volatile String refreshToken;
        private long followers;
        private final Map<LocalDate, Map<String, Long>> days = new java.util.TreeMap<>();
        private final Map<String, Video> videos = new LinkedHashMap<>();

        private Account(String businessId, String username) {
            this.businessId = businessId;
            this.username = username;
        }

        /** The account's current refresh token (it rotates on every refresh). */
        public String refreshToken() {
            return refreshToken;
        }

        public String businessId() {
            return businessId;
        }

        public Account followers(long followers) {
            this.followers = followers;
            return this;
        }

        /** The day's metrics: video_views, profile_views, likes, comments, shares, followers_count, daily_new_followers, ... */
        public synchronized Account day(LocalDate date, Map<String, Long> metrics) {
            days.put(date, new LinkedHashMap<>(metrics));
            return this;
        }

        public synchronized Video video(String id, Instant created, String caption) {
            return videos.computeIfAbsent(id, k -> new Video(id, created, caption));
        }

        /** The post disappears from the API, as when it is deleted on TikTok. */
        public synchronized void deleteVideo(String id) {
            videos.remove(id);
        }
    }

    /** One post of the fake, with its lifetime counters. */
    public static final class Video {
        private final String id;
        private final Instant created;
        private final String caption;
        private final Map<String, Long> metrics = new ConcurrentHashMap<>();
        private volatile boolean asJsonNumbers;

        private Video(String id, Instant created, String caption) {
            this.id = id;
            this.created = created;
            this.caption = caption;
        }

        /** Lifetime counters: video_views, reach, likes, comments, shares, favorites, profile_views, new_followers, ... */
        public Video counters(Map<String, Long> counters) {
            metrics.putAll(counters);
            return this;
        }

        public Video views(long views) {
            metrics.put("video_views", views);
            return this;
        }

        /**
         * Sends this post's {@code item_id} and caption, both digits, as JSON numbers instead of the strings the API
         * documents (a connector must keep their text, not drop them).
         */
        public Video asJsonNumbers() {
            asJsonNumbers = true;
            return this;
        }
    }
}
