package org.unifiedanalytics.connector.klaviyo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.EmailCampaignMetrics;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Email campaign results from the Reporting API's campaign-values report, which counts as Klaviyo's own screens
 * do (by send date). Windows are days of sends: one report covers every email campaign sent in up to 30 days,
 * so an incremental run, which re-reads the last {@code report_days} of sends as conversions keep arriving, costs
 * one report of the 225 Klaviyo allows a day. Each campaign's numbers are stored as lifetime totals dated the
 * day they were read; rates are computed from them where they are asked for.
 */
final class CampaignValuesStream implements DailyStream {
    static final List<String> STATISTICS = List.of("recipients", "delivered", "opens", "opens_unique", "clicks",
            "clicks_unique", "conversions", "conversion_value", "unsubscribes", "bounced", "spam_complaints");

    private final KlaviyoConnector connector;
    private final int reportDays;

    CampaignValuesStream(KlaviyoConnector connector, int reportDays) {
        this.connector = connector;
        this.reportDays = reportDays;
    }

    @Override
    public String name() {
        return "campaign_values";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(EmailCampaignMetrics.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.upserting(reportDays, 30);
    }

    @Override
    public Page readDays(String account, DateRange days, Optional<String> pageToken) {
        ObjectNode body = connector.reporting().json().createObjectNode();
        ObjectNode attributes = body.putObject("data").put("type", "campaign-values-report").putObject("attributes");
        ArrayNode statistics = attributes.putArray("statistics");
        STATISTICS.forEach(statistics::add);
        attributes.putObject("timeframe").put("start", days.from().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString())
                .put("end", days.toExclusive().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString());
        attributes.put("conversion_metric_id", connector.conversionMetricId());
        attributes.put("filter", "equals(send_channel,\"email\")");
        String currency = connector.currency().getCurrencyCode();
        JsonNode results = connector.reporting().post("campaign-values-reports", body.toString())
                .path("data").path("attributes").path("results");
        Instant fetched = connector.clock().instant();
        LocalDate asOf = LocalDate.ofInstant(fetched, ZoneOffset.UTC);
        List<WarehouseRecord> records = new ArrayList<>();
        for (JsonNode result : results) {
            String campaign = result.path("groupings").path("campaign_id").asText();
            JsonNode s = result.path("statistics");
            BigDecimal value = s.path("conversion_value").isNumber() ? s.path("conversion_value").decimalValue() : null;
            records.add(new EmailCampaignMetrics(KlaviyoConnector.PLATFORM, campaign, asOf, account, Counting.LIFETIME,
                    count(s, "recipients"), count(s, "delivered"), count(s, "opens"), count(s, "opens_unique"),
                    count(s, "clicks"), count(s, "clicks_unique"), count(s, "conversions"),
                    value == null ? null : Money.of(value.setScale(Money.SCALE, RoundingMode.HALF_EVEN), currency),
                    count(s, "unsubscribes"), count(s, "bounced"), count(s, "spam_complaints"), fetched));
        }
        return Page.last(merge(records));
    }

    /** A campaign with several messages (an A/B test) has a result per message: its totals are their sum. */
    private static List<WarehouseRecord> merge(List<WarehouseRecord> records) {
        java.util.Map<String, EmailCampaignMetrics> byCampaign = new java.util.LinkedHashMap<>();
        for (WarehouseRecord record : records) {
            EmailCampaignMetrics m = (EmailCampaignMetrics) record;
            byCampaign.merge(m.campaignId(), m, (a, b) -> new EmailCampaignMetrics(a.platform(), a.campaignId(), a.reportDate(),
                    a.accountId(), a.counting(), sum(a.recipients(), b.recipients()), sum(a.delivered(), b.delivered()),
                    sum(a.opens(), b.opens()), sum(a.uniqueOpens(), b.uniqueOpens()), sum(a.clicks(), b.clicks()),
                    sum(a.uniqueClicks(), b.uniqueClicks()), sum(a.conversions(), b.conversions()),
                    a.conversionValue() == null ? b.conversionValue() : b.conversionValue() == null ? a.conversionValue()
                            : a.conversionValue().plus(b.conversionValue()),
                    sum(a.unsubscribes(), b.unsubscribes()), sum(a.bounces(), b.bounces()),
                    sum(a.spamComplaints(), b.spamComplaints()), a.fetchedAt()));
        }
        return new ArrayList<>(byCampaign.values());
    }

    private static Long sum(Long a, Long b) {
        return a == null ? b : b == null ? a : a + b;
    }

    private static Long count(JsonNode statistics, String name) {
        JsonNode value = statistics.path(name);
        return value.isNumber() ? Long.valueOf(value.decimalValue().setScale(0, RoundingMode.HALF_EVEN).longValueExact()) : null;
    }
}
