package org.unifiedanalytics.connector.klaviyo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unifiedanalytics.connect.http.Pagination;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.IdentityLink;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Email engagement events ("Opened Email", "Clicked Email", optionally "Received Email") as touchpoints of the
 * email channel, one metric after another. Each query asks for {@code greater-or-equal} the lower bound and
 * {@code less-than} the upper one (a {@code greater-than} would lose events of the same second), the upper bound
 * being the run's start, so an event stamped in the future never moves the cursor past what was read. The
 * profile's email becomes the SDK's customer key (the hash the stores use, so an email click and an order of one
 * person meet on one journey), and the profile id is linked to it; an event whose profile has no email is left
 * out, never given a made-up key.
 */
final class EventsStream implements CursorStream {
    private final KlaviyoConnector connector;
    private final List<String> metrics;
    private final int pageSize;

    EventsStream(KlaviyoConnector connector, List<String> metrics, int pageSize) {
        this.connector = connector;
        this.metrics = List.copyOf(metrics);
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(Touchpoint.class, IdentityLink.class);
    }

    @Override
    public Duration overlap() {
        return Duration.ofHours(1);
    }

    @Override
    public Page readChanges(String account, Instant since, Instant until, Optional<String> pageToken) {
        if (metrics.isEmpty()) {
            return Page.last(List.of());
        }
        // Token: "<metric index>" to start a metric's query, or "<metric index>|<next link>".
        String token = pageToken.orElse("0");
        int bar = token.indexOf('|');
        int index = Integer.parseInt(bar < 0 ? token : token.substring(0, bar));
        String metric = metrics.get(index);
        JsonNode body;
        try {
            body = bar < 0 ? connector.api().get("events", Map.of(
                    "filter", "and(equals(metric_id,\"" + connector.metricId(metric, true) + "\"),greater-or-equal(datetime,"
                            + since + "),less-than(datetime," + until + "))",
                    "sort", "datetime", "include", "profile", "fields[profile]", "email",
                    "page[size]", pageSize))
                    : connector.api().get(token.substring(bar + 1));
        } catch (KlaviyoApi.InvalidCursor stale) {
            // Klaviyo refused the cursor: read the metric's window again from its start (upserts make it harmless).
            return Page.more(List.of(), String.valueOf(index));
        }
        Map<String, String> emails = new HashMap<>();
        for (JsonNode included : body.path("included")) {
            if (included.path("type").asText().equals("profile")) {
                String email = included.path("attributes").path("email").asText("");
                if (!email.isBlank()) {
                    emails.put(included.path("id").asText(), email);
                }
            }
        }
        String touchType = KlaviyoConnector.TOUCH_TYPES.get(metric);
        List<WarehouseRecord> records = new ArrayList<>();
        Map<String, IdentityLink> links = new HashMap<>();
        for (JsonNode event : body.path("data")) {
            String profile = event.path("relationships").path("profile").path("data").path("id").asText("");
            String email = emails.get(profile);
            if (email == null) {
                continue;
            }
            CustomerKey customer = CustomerKey.fromEmail(email);
            JsonNode attributes = event.path("attributes");
            Instant at = attributes.path("datetime").isTextual() ? OffsetDateTime.parse(attributes.path("datetime").asText()).toInstant()
                    : Instant.ofEpochSecond(attributes.path("timestamp").asLong());
            String campaign = attributes.path("event_properties").path("Campaign Name").asText(null);
            records.add(new Touchpoint(KlaviyoConnector.PLATFORM, event.path("id").asText(), customer, at, touchType, "email",
                    ChannelGroup.EMAIL, "klaviyo", "email", campaign, null));
            links.put(profile, new IdentityLink(KlaviyoConnector.PLATFORM, profile, customer, at));
        }
        records.addAll(links.values());
        Optional<String> next = Pagination.nextLink(body, "/links/next");
        if (next.isPresent()) {
            return Page.more(records, index + "|" + next.get());
        }
        return index + 1 < metrics.size() ? Page.more(records, String.valueOf(index + 1)) : Page.last(records);
    }
}
