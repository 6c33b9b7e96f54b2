package org.unifiedanalytics.testkit.fakes;

import static org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi.JSON;
import static org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi.error;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unifiedanalytics.testkit.FakeResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fake Klaviyo's campaign-values report ({@code POST /api/campaign-values-reports}): the body checked as Klaviyo
 * checks it (the type, known statistics, an existing conversion metric, a timeframe of at most a year, at most 100
 * campaign ids in a list filter), then one result per campaign sent in the timeframe, grouped by channel, campaign
 * and message.
 */
final class KlaviyoCampaignValues {
    static final Set<String> STATISTICS = Set.of("average_order_value", "bounce_rate", "bounced", "bounced_or_failed",
            "bounced_or_failed_rate", "click_rate", "click_to_open_rate", "clicks", "clicks_unique", "conversion_rate",
            "conversion_uniques", "conversion_value", "conversions", "delivered", "delivery_rate", "failed", "failed_rate",
            "open_rate", "opens", "opens_unique", "recipients", "revenue_per_recipient", "spam_complaint_rate",
            "spam_complaints", "unsubscribe_rate", "unsubscribe_uniques", "unsubscribes");

    private KlaviyoCampaignValues() {
    }

    /** The report for this request body over these campaigns, or the error Klaviyo would answer. */
    static FakeResponse answer(String requestBody, Set<String> metricIds, Collection<FakeKlaviyoApi.Campaign> campaigns,
                               Instant now) {
        JsonNode attributes;
        try {
            JsonNode body = JSON.readTree(requestBody);
            if (!body.path("data").path("type").asText().equals("campaign-values-report")) {
                return error(400, "invalid", "Invalid input.", "data.type must be 'campaign-values-report'");
            }
            attributes = body.path("data").path("attributes");
        } catch (java.io.IOException e) {
            return error(400, "invalid", "Invalid input.", "The request body is not JSON.");
        }
        List<String> statistics = new ArrayList<>();
        attributes.path("statistics").forEach(s -> statistics.add(s.asText()));
        if (statistics.isEmpty()) {
            return error(400, "invalid", "Invalid input.", "statistics is required");
        }
        for (String statistic : statistics) {
            if (!STATISTICS.contains(statistic)) {
                return error(400, "invalid", "Invalid input.", "'" + statistic + "' is not a valid statistic");
            }
        }
        String conversionMetric = attributes.path("conversion_metric_id").asText("");
        if (!metricIds.contains(conversionMetric)) {
            return error(400, "invalid", "Invalid input.", "conversion_metric_id '" + conversionMetric + "' does not exist");
        }
        Instant start;
        Instant end;
        try {
            start = OffsetDateTime.parse(attributes.path("timeframe").path("start").asText()).toInstant();
            end = OffsetDateTime.parse(attributes.path("timeframe").path("end").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return error(400, "invalid", "Invalid input.", "timeframe needs a start and an end as ISO-8601 datetimes");
        }
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            return error(400, "invalid", "Invalid input.", "timeframe must be a positive range of at most one year");
        }
        KlaviyoFilter filter;
        try {
            filter = KlaviyoFilter.parse(attributes.path("filter").asText(""));
        } catch (IllegalArgumentException e) {
            return error(400, "invalid", "Invalid filter.", e.getMessage());
        }
        for (KlaviyoFilter.Term term : filter.on("campaign_id")) {
            if (term.value().split(",").length > 100) {
                return error(400, "invalid", "Invalid filter.", "a list filter takes at most 100 values");
            }
        }
        ObjectNode response = JSON.createObjectNode();
        ObjectNode data = response.putObject("data").put("type", "campaign-values-report").put("id", java.util.UUID.randomUUID().toString());
        ArrayNode results = data.putObject("attributes").putArray("results");
        ArrayNode related = data.putObject("relationships").putObject("campaigns").putArray("data");
        for (FakeKlaviyoApi.Campaign campaign : campaigns) {
            boolean sent = !campaign.sendTime.isBefore(start) && campaign.sendTime.isBefore(end)
                    && !campaign.sendTime.isAfter(now);
            boolean channel = filter.on("send_channel").stream().allMatch(t -> t.text().equals(campaign.channel));
            boolean listed = filter.on("campaign_id").stream().allMatch(t -> t.value().contains("\"" + campaign.id + "\""));
            if (!sent || !channel || !listed) {
                continue;
            }
            ObjectNode result = results.addObject();
            result.putObject("groupings").put("send_channel", campaign.channel).put("campaign_id", campaign.id)
                    .put("campaign_message_id", campaign.messageId);
            ObjectNode values = result.putObject("statistics");
            statistics.forEach(s -> values.put(s, statistic(campaign, s)));
            related.addObject().put("type", "campaign").put("id", campaign.id);
        }
        return FakeResponse.ok(response.toString());
    }

    private static BigDecimal statistic(FakeKlaviyoApi.Campaign campaign, String name) {
        Map<String, BigDecimal> s = campaign.stats;
        BigDecimal delivered = s.getOrDefault("delivered", BigDecimal.ZERO);
        BigDecimal recipients = s.getOrDefault("recipients", BigDecimal.ZERO);
        return switch (name) {
            case "open_rate" -> ratio(s.get("opens_unique"), delivered);
            case "click_rate" -> ratio(s.get("clicks_unique"), delivered);
            case "conversion_rate" -> ratio(s.get("conversion_uniques"), delivered);
            case "unsubscribe_rate" -> ratio(s.get("unsubscribe_uniques"), delivered);
            case "bounce_rate" -> ratio(s.get("bounced"), recipients);
            case "spam_complaint_rate" -> ratio(s.get("spam_complaints"), delivered);
            case "delivery_rate" -> ratio(delivered, recipients);
            case "revenue_per_recipient" -> ratio(s.get("conversion_value"), recipients);
            default -> s.getOrDefault(name, BigDecimal.ZERO);
        };
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a == null || b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN);
    }
}
