package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Klaviyo's REST API (revisioned JSON:API) on loopback, as strict as the real one where a connector can go
 * wrong: the {@code Authorization: Klaviyo-API-Key} header and a supported {@code revision} header on every
 * request; the channel filter {@code GET /api/campaigns} requires; events filtered by metric and datetime, where
 * a {@code greater-than} on datetime is refused (it loses same-second events) and {@code page[size]} is at most
 * 200; opaque cursors in {@code links.next} that are refused when altered or stale; and the Reporting API's
 * {@code POST /api/campaign-values-reports} with its own limits (1 a second, 2 a minute, 225 a day by default),
 * answered with 429 {@code throttled} and {@code Retry-After}. Errors come as {@code {"errors":[{...}]}}.
 *
 * <pre>{@code
 * FakeKlaviyoApi klaviyo = FakeKlaviyoApi.start("pk_test", clock);
 * klaviyo.campaign("01JCAMP1", "Spring sale", "email", Instant.parse("2026-03-02T09:00:00Z"), "Spring is here")
 *         .stats(1000, 990, 400, 310, 60, 45, 9, "450.00");
 * klaviyo.event("Clicked Email", "ada@example.com", Instant.parse("2026-03-02T10:00:00Z"), "Spring sale");
 * }</pre>
 */
public final class FakeKlaviyoApi implements AutoCloseable {
    /** Revisions the fake serves; others are refused. */
    public static final Set<String> REVISIONS = Set.of("2024-10-15", "2025-01-15", "2025-04-15", "2025-07-15", "2025-10-15",
            "2026-01-15", "2026-07-15", "2026-10-15");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAMPAIGNS_PER_PAGE = 10;
    private static final int MAX_EVENTS_PER_PAGE = 200;

    /** A campaign and its results so far. */
    public static final class Campaign {
        final String id;
        final String name;
        final String channel;
        final Instant sendTime;
        final String subject;
        final String messageId;
        Instant updatedAt;
        final Map<String, BigDecimal> stats = new LinkedHashMap<>();

        Campaign(String id, String name, String channel, Instant sendTime, String subject, String messageId) {
            this.id = id;
            this.name = name;
            this.channel = channel;
            this.sendTime = sendTime;
            this.subject = subject;
            this.messageId = messageId;
            this.updatedAt = sendTime;
        }

        /** The campaign's results: recipients, delivered, opens (unique), clicks (unique), conversions and their value. */
        public Campaign stats(long recipients, long delivered, long opens, long uniqueOpens, long clicks, long uniqueClicks,
                              long conversions, String conversionValue) {
            stats.put("recipients", BigDecimal.valueOf(recipients));
            stats.put("delivered", BigDecimal.valueOf(delivered));
            stats.put("opens", BigDecimal.valueOf(opens));
            stats.put("opens_unique", BigDecimal.valueOf(uniqueOpens));
            stats.put("clicks", BigDecimal.valueOf(clicks));
            stats.put("clicks_unique", BigDecimal.valueOf(uniqueClicks));
            stats.put("conversions", BigDecimal.valueOf(conversions));
            stats.put("conversion_uniques", BigDecimal.valueOf(conversions));
            stats.put("conversion_value", new BigDecimal(conversionValue));
            stats.put("unsubscribes", BigDecimal.valueOf(recipients / 200));
            stats.put("unsubscribe_uniques", BigDecimal.valueOf(recipients / 200));
            stats.put("bounced", BigDecimal.valueOf(recipients - delivered));
            stats.put("spam_complaints", BigDecimal.ZERO);
            updatedAt = updatedAt.plusSeconds(1);
            return this;
        }
    }

    record Metric(String id, String name, String integration) {
    }

    record Event(String id, String metricId, String profileId, Instant datetime, Map<String, String> properties) {
    }

    private final FakeApiServer server;
    private final KlaviyoCursors cursors;
    private final String apiKey;
    private final Clock clock;
    private final String accountId = "XyZacc";
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean keyRevoked;
    private volatile String currency = "USD";
    private final KlaviyoReportingLimits reporting = new KlaviyoReportingLimits();
    private final AtomicInteger reports = new AtomicInteger();

    private FakeKlaviyoApi(String apiKey, Clock clock) {
        this.apiKey = apiKey;
        this.clock = clock;
        this.server = FakeApiServer.start();
        this.cursors = new KlaviyoCursors(server.baseUrl().toString());
        metric("Received Email", "Klaviyo");
        metric("Opened Email", "Klaviyo");
        metric("Clicked Email", "Klaviyo");
        metric("Placed Order", "Shopify");
        // Klaviyo answers its paths with and without the trailing slash its own links carry.
        for (String slash : new String[]{"", "/"}) {
            server.route("GET", "/api/accounts" + slash, this::accounts);
            server.route("GET", "/api/metrics" + slash, r -> filtered(r, this::metrics));
            server.route("GET", "/api/campaigns" + slash, r -> filtered(r, this::campaigns));
            server.route("GET", "/api/events" + slash, r -> filtered(r, this::events));
            server.route("POST", "/api/campaign-values-reports" + slash, this::campaignValues);
        }
    }

    /** A fake account whose private API key is {@code apiKey}; event times and the reporting day follow the clock. */
    public static FakeKlaviyoApi start(String apiKey, Clock clock) {
        return new FakeKlaviyoApi(apiKey, clock);
    }

    /** The base URL for the connector: {@code http://127.0.0.1:port/api/}. */
    public String baseUrl() {
        return server.baseUrl() + "/api/";
    }

    public FakeApiServer server() {
        return server;
    }

    public String accountId() {
        return accountId;
    }

    /** The account's currency (conversion values are in it). */
    public FakeKlaviyoApi currency(String code) {
        this.currency = code;
        return this;
    }

    /** A metric; the standard email metrics and a Shopify "Placed Order" exist from the start. */
    public synchronized String metric(String name, String integration) {
        String id = "M" + name.replaceAll("[^A-Za-z]", "").substring(0, Math.min(6, name.replaceAll("[^A-Za-z]", "").length()))
                + ids.incrementAndGet();
        metrics.put(id, new Metric(id, name, integration));
        return id;
    }

    public synchronized Campaign campaign(String id, String name, String channel, Instant sendTime, String subject) {
        Campaign campaign = new Campaign(id, name, channel, sendTime, subject, id + "-msg");
        campaigns.put(id, campaign);
        return campaign;
    }

    /** An event of a standard metric by its name, for the profile of this email; returns the event id. */
    public synchronized String event(String metricName, String email, Instant at, String campaignName) {
        Metric metric = metrics.values().stream().filter(m -> m.name().equals(metricName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + metricName));
        String profile = profiles.entrySet().stream().filter(e -> e.getValue().equals(email)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> {
                    String id = "01P" + ids.incrementAndGet();
                    profiles.put(id, email);
                    return id;
                });
        String id = "E" + ids.incrementAndGet();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Campaign Name", campaignName);
        campaigns.values().stream().filter(c -> c.name.equals(campaignName)).findFirst()
                .ifPresent(c -> properties.put("$message", c.messageId));
        events.add(new Event(id, metric.id(), profile, at, properties));
        return id;
    }

    /** The API key stops working (revoked in Klaviyo's settings). */
    public void revokeKey() {
        keyRevoked = true;
    }

    /** Every cursor handed out so far is refused from now on ("Invalid cursor provided."). */
    public void invalidateCursors() {
        cursors.invalidate();
    }

    /** The Reporting API's limits: per second, per minute and per day. */
    public FakeKlaviyoApi reportingLimits(int perSecond, int perMinute, int perDay) {
        reporting.configure(perSecond, perMinute, perDay);
        return this;
    }

    /** A new day: the daily reporting budget is whole again. */
    public void resetReportingDay() {
        reporting.resetDay();
    }

    /** Campaign-values reports served so far. */
    public int reportsServed() {
        return reports.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private Optional<FakeResponse> refused(RecordedRequest request) {
        String auth = request.header("Authorization").orElse("");
        if (auth.isEmpty()) {
            return Optional.of(error(401, "not_authenticated", "Authentication credentials were not provided.",
                    "Missing or invalid authorization scheme. Please use Klaviyo-API-Key."));
        }
        if (!auth.equals("Klaviyo-API-Key " + apiKey) || keyRevoked) {
            return Optional.of(error(401, "authentication_failed", "Incorrect authentication credentials.",
                    "Incorrect authentication credentials."));
        }
        String revision = request.header("revision").orElse("");
        if (revision.isEmpty()) {
            return Optional.of(error(400, "invalid", "Invalid input.", "Missing required header: revision"));
        }
        if (!REVISIONS.contains(revision)) {
            return Optional.of(error(400, "invalid", "Invalid input.", "The revision " + revision + " is not supported."));
        }
        return Optional.empty();
    }

    /** A list endpoint: the request's key and revision checked, its filter read (400 when it cannot be). */
    private FakeResponse filtered(RecordedRequest request,
                                  java.util.function.BiFunction<RecordedRequest, KlaviyoFilter, FakeResponse> handler) {
        Optional<FakeResponse> refused = refused(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        KlaviyoFilter filter;
        try {
            filter = KlaviyoFilter.parse(request.queryParameter("filter").orElse(""));
        } catch (IllegalArgumentException e) {
            return error(400, "invalid", "Invalid filter.", e.getMessage());
        }
        return handler.apply(request, filter);
    }

    private FakeResponse accounts(RecordedRequest request) {
        return refused(request).orElseGet(() -> {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode account = body.putArray("data").addObject().put("type", "account").put("id", accountId);
            account.putObject("attributes").put("preferred_currency", currency).put("timezone", "UTC")
                    .putObject("contact_information").put("organization_name", "Clay & Co");
            return FakeResponse.ok(body.toString());
        });
    }

    private synchronized FakeResponse metrics(RecordedRequest request, KlaviyoFilter filter) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (Metric metric : metrics.values()) {
            boolean matches = filter.on("name").stream().allMatch(t -> t.text().equals(metric.name()));
            if (matches) {
                ObjectNode node = data.addObject().put("type", "metric").put("id", metric.id());
                node.putObject("attributes").put("name", metric.name()).putObject("integration").put("name", metric.integration());
            }
        }
        body.putObject("links").putNull("next");
        return FakeResponse.ok(body.toString());
    }

    private synchronized FakeResponse campaigns(RecordedRequest request, KlaviyoFilter filter) {
        List<KlaviyoFilter.Term> channel = filter.on("messages.channel");
        if (channel.size() != 1 || !channel.get(0).operator().equals("equals")) {
            return error(400, "invalid", "Invalid input.",
                    "A channel filter is required. Use equals(messages.channel,'email') or equals(messages.channel,'sms').");
        }
        List<Campaign> matching = new ArrayList<>();
        for (Campaign campaign : campaigns.values()) {
            if (campaign.channel.equals(channel.get(0).text()) && matchesTime(filter.on("updated_at"), campaign.updatedAt)) {
                matching.add(campaign);
            }
        }
        matching.sort(Comparator.comparing((Campaign c) -> c.updatedAt).thenComparing(c -> c.id));
        KlaviyoCursors.Page page = cursors.page(request, matching.size(), CAMPAIGNS_PER_PAGE);
        if (page.error() != null) {
            return page.error();
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        ArrayNode included = body.putArray("included");
        boolean include = request.queryParameter("include").orElse("").contains("campaign-messages");
        for (Campaign campaign : matching.subList(page.from(), page.to())) {
            ObjectNode node = data.addObject().put("type", "campaign").put("id", campaign.id);
            ObjectNode attributes = node.putObject("attributes").put("name", campaign.name)
                    .put("status", campaign.sendTime.isAfter(clock.instant()) ? "Scheduled" : "Sent")
                    .put("archived", false).put("send_time", iso(campaign.sendTime))
                    .put("created_at", iso(campaign.sendTime.minus(Duration.ofDays(1)))).put("updated_at", iso(campaign.updatedAt));
            attributes.putObject("send_strategy").put("method", "static");
            node.putObject("relationships").putObject("campaign-messages").putArray("data").addObject()
                    .put("type", "campaign-message").put("id", campaign.messageId);
            if (include) {
                ObjectNode message = included.addObject().put("type", "campaign-message").put("id", campaign.messageId);
                ObjectNode messageAttributes = message.putObject("attributes").put("label", campaign.name)
                        .put("channel", campaign.channel);
                messageAttributes.putObject("content").put("subject", campaign.subject).put("preview_text", "");
            }
        }
        cursors.links(body, request, page);
        return FakeResponse.ok(body.toString());
    }

    private synchronized FakeResponse events(RecordedRequest request, KlaviyoFilter filter) {
        for (KlaviyoFilter.Term term : filter.on("datetime")) {
            if (term.operator().equals("greater-than")) {
                // Not Klaviyo's rule, but the fake's: a greater-than lower bound silently loses same-second events.
                return error(400, "invalid", "Invalid filter.", "greater-than on datetime loses events of the same second; "
                        + "use greater-or-equal");
            }
        }
        int size = Integer.parseInt(request.queryParameter("page[size]").orElse("200"));
        if (size < 1 || size > MAX_EVENTS_PER_PAGE) {
            return error(400, "invalid", "Invalid input.", "page[size] must be between 1 and " + MAX_EVENTS_PER_PAGE);
        }
        List<KlaviyoFilter.Term> metric = filter.on("metric_id");
        List<Event> matching = new ArrayList<>();
        for (Event event : events) {
            boolean metricMatches = metric.stream().allMatch(t -> t.text().equals(event.metricId()));
            if (metricMatches && matchesTime(filter.on("datetime"), event.datetime())) {
                matching.add(event);
            }
        }
        matching.sort(Comparator.comparing(Event::datetime).thenComparing(Event::id));
        KlaviyoCursors.Page page = cursors.page(request, matching.size(), size);
        if (page.error() != null) {
            return page.error();
        }
        boolean includeProfile = request.queryParameter("include").orElse("").contains("profile");
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        Map<String, ObjectNode> included = new LinkedHashMap<>();
        for (Event event : matching.subList(page.from(), page.to())) {
            ObjectNode node = data.addObject().put("type", "event").put("id", event.id());
            ObjectNode attributes = node.putObject("attributes").put("timestamp", event.datetime().getEpochSecond())
                    .put("datetime", OffsetDateTime.ofInstant(event.datetime(), ZoneOffset.UTC).toString())
                    .put("uuid", java.util.UUID.nameUUIDFromBytes(event.id().getBytes(StandardCharsets.UTF_8)).toString());
            ObjectNode properties = attributes.putObject("event_properties");
            event.properties().forEach(properties::put);
            ObjectNode relationships = node.putObject("relationships");
            relationships.putObject("profile").putObject("data").put("type", "profile").put("id", event.profileId());
            relationships.putObject("metric").putObject("data").put("type", "metric").put("id", event.metricId());
            if (includeProfile) {
                ObjectNode profile = JSON.createObjectNode().put("type", "profile").put("id", event.profileId());
                profile.putObject("attributes").put("email", profiles.get(event.profileId()));
                included.put(event.profileId(), profile);
            }
        }
        if (includeProfile) {
            ArrayNode includedNode = body.putArray("included");
            included.values().forEach(includedNode::add);
        }
        cursors.links(body, request, page);
        return FakeResponse.ok(body.toString());
    }

    private FakeResponse campaignValues(RecordedRequest request) {
        Optional<FakeResponse> refused = refused(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<FakeResponse> throttled = reporting.admit(clock);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        FakeResponse answer;
        synchronized (this) {
            answer = KlaviyoCampaignValues.answer(request.body(), metrics.keySet(), campaigns.values(), clock.instant());
        }
        if (answer.status() == 200) {
            reports.incrementAndGet();
        }
        return answer;
    }

    private static boolean matchesTime(List<KlaviyoFilter.Term> terms, Instant value) {
        for (KlaviyoFilter.Term term : terms) {
            Instant bound = OffsetDateTime.parse(term.text()).toInstant();
            boolean ok = switch (term.operator()) {
                case "greater-or-equal" -> !value.isBefore(bound);
                case "greater-than" -> value.isAfter(bound);
                case "less-than" -> value.isBefore(bound);
                case "less-or-equal" -> !value.isAfter(bound);
                case "equals" -> value.equals(bound);
                default -> throw new IllegalArgumentException("operator " + term.operator() + " is not supported on datetimes");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String iso(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    static FakeResponse error(int status, String code, String title, String detail) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject().put("id", java.util.UUID.randomUUID().toString())
                .put("status", status).put("code", code).put("title", title).put("detail", detail);
        error.putObject("source").put("pointer", "/data/");
        error.putObject("links");
        error.putObject("meta");
        return FakeResponse.json(status, body.toString());
    }
}
