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
import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.EmailCampaign;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Campaigns changed in {@code [since, until)}, email first, then SMS (the API requires a channel filter), with
 * their messages' subjects: each as an {@link EmailCampaign} and as content of the email channel. Pages follow
 * {@code links.next} as given; a cursor Klaviyo no longer accepts restarts the channel's query.
 */
final class CampaignsStream implements CursorStream {
    private static final List<String> CHANNELS = List.of("email", "sms");

    private final KlaviyoConnector connector;

    CampaignsStream(KlaviyoConnector connector) {
        this.connector = connector;
    }

    @Override
    public String name() {
        return "campaigns";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(EmailCampaign.class, Content.class);
    }

    @Override
    public Duration overlap() {
        return Duration.ofHours(1);
    }

    @Override
    public Page readChanges(String account, Instant since, Instant until, Optional<String> pageToken) {
        // Token: "<channel index>" to start a channel's query, or "<channel index>|<next link>".
        String token = pageToken.orElse("0");
        int bar = token.indexOf('|');
        int channel = Integer.parseInt(bar < 0 ? token : token.substring(0, bar));
        JsonNode body;
        try {
            body = bar < 0 ? connector.api().get("campaigns", Map.of(
                    "filter", "and(equals(messages.channel,\"" + CHANNELS.get(channel) + "\"),greater-or-equal(updated_at,"
                            + since + "),less-than(updated_at," + until + "))",
                    "include", "campaign-messages", "sort", "updated_at"))
                    : connector.api().get(token.substring(bar + 1));
        } catch (KlaviyoApi.InvalidCursor stale) {
            return Page.more(List.of(), String.valueOf(channel));
        }
        Map<String, String> subjects = new HashMap<>();
        for (JsonNode included : body.path("included")) {
            if (included.path("type").asText().equals("campaign-message")) {
                JsonNode attributes = included.path("attributes");
                String subject = attributes.path("content").path("subject").asText(
                        attributes.path("definition").path("content").path("subject").asText(""));
                subjects.put(included.path("id").asText(), subject);
            }
        }
        Instant now = connector.clock().instant();
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode campaign : body.path("data")) {
            String id = campaign.path("id").asText();
            JsonNode attributes = campaign.path("attributes");
            String subject = null;
            for (JsonNode message : campaign.path("relationships").path("campaign-messages").path("data")) {
                subject = Optional.ofNullable(subjects.get(message.path("id").asText())).filter(s -> !s.isEmpty()).orElse(subject);
            }
            Instant sendTime = instant(attributes.path("send_time"));
            Instant updated = Optional.ofNullable(instant(attributes.path("updated_at"))).orElse(now);
            String name = attributes.path("name").asText(null);
            records.add(new EmailCampaign(KlaviyoConnector.PLATFORM, id, account, name, subject,
                    attributes.path("status").asText(null), sendTime, updated));
            records.add(new Content(KlaviyoConnector.PLATFORM, id, account, CHANNELS.get(channel) + "_campaign", name, null,
                    sendTime, null, updated));
        }
        Optional<String> next = Pagination.nextLink(body, "/links/next");
        if (next.isPresent()) {
            return Page.more(records, channel + "|" + next.get());
        }
        return channel + 1 < CHANNELS.size() ? Page.more(records, String.valueOf(channel + 1)) : Page.last(records);
    }

    static Instant instant(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
    }
}
