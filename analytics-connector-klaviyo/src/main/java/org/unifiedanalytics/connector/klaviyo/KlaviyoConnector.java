package org.unifiedanalytics.connector.klaviyo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.QuotaExhaustedException;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;

/** The Klaviyo connector for one account's private key. */
final class KlaviyoConnector implements Connector {
    static final String PLATFORM = "klaviyo";
    /** The engagement metrics the connector reads as touchpoints, and their touch types. */
    static final Map<String, String> TOUCH_TYPES = Map.of("Opened Email", "email_open", "Clicked Email", "email_click",
            "Received Email", "email_received");
    private static final Period REVISION_WARNING_AGE = Period.ofMonths(18);

    private final ConnectorConfig config;
    private final Clock clock;
    private final String account;
    private final String revision;
    private final KlaviyoApi api;
    private final KlaviyoApi reporting;
    private final Map<String, String> metricIds = new ConcurrentHashMap<>();
    private volatile Currency currency;

    KlaviyoConnector(ConnectorContext context) {
        this.config = context.config();
        this.clock = context.clock();
        this.account = config.string("account");
        this.revision = config.string("revision");
        List<String> problems = new ArrayList<>();
        try {
            LocalDate.parse(revision.replaceFirst("\\.pre$", ""));
        } catch (DateTimeParseException e) {
            problems.add("'revision' must be a dated revision such as " + KlaviyoProvider.DEFAULT_REVISION + ", got '" + revision + "'");
        }
        int pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > 200) {
            problems.add("'page_size' must be 1 to 200, got " + pageSize);
        }
        int reportDays = config.integer("report_days");
        if (reportDays < 1 || reportDays > 365) {
            problems.add("'report_days' must be 1 to 365, got " + reportDays);
        }
        if (config.integer("reports_per_minute") < 1) {
            problems.add("'reports_per_minute' must be at least 1, got " + config.integer("reports_per_minute"));
        }
        for (String event : config.list("events")) {
            if (!TOUCH_TYPES.containsKey(event)) {
                problems.add("'events' holds '" + event + "'; the connector reads " + TOUCH_TYPES.keySet().stream().sorted().toList());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("klaviyo configuration", problems);
        }
        revisionWarning(revision, LocalDate.now(clock)).ifPresent(context.logger()::warn);
        String key = config.secret("api_key").reveal();
        Duration maxWait = config.duration("max_throttle_wait");
        this.api = new KlaviyoApi(context.http().baseUrl(config.url("base_url")), key, revision, maxWait, clock);
        // The Reporting API has limits of its own, far below the others': its requests are paced apart.
        String instance = context.instanceName();
        this.reporting = new KlaviyoApi(context.http().baseUrl(config.url("base_url"))
                .rateLimiter(ApiClient.rateLimiter(instance + "-reports-per-second", 1, Duration.ofSeconds(1)))
                .rateLimiter(ApiClient.rateLimiter(instance + "-reports-per-minute", config.integer("reports_per_minute"),
                        Duration.ofMinutes(1))), key, revision, maxWait, clock);
    }

    /** The warning for a revision more than 18 months old, as Klaviyo retires revisions about two years after release. */
    static java.util.Optional<String> revisionWarning(String revision, LocalDate today) {
        LocalDate released = LocalDate.parse(revision.replaceFirst("\\.pre$", ""));
        return released.plus(REVISION_WARNING_AGE).isBefore(today)
                ? java.util.Optional.of("Klaviyo revision " + revision + " is more than 18 months old; Klaviyo retires revisions "
                + "about two years after release: test a newer one and set 'revision'")
                : java.util.Optional.empty();
    }

    @Override
    public List<String> accounts() {
        return List.of(account);
    }

    @Override
    public List<SourceStream> streams() {
        return List.of(new CampaignsStream(this), new CampaignValuesStream(this, config.integer("report_days")),
                new EventsStream(this, config.list("events"), config.integer("page_size")));
    }

    @Override
    public CheckResult check() {
        try {
            JsonNode data = api.get("accounts").path("data").path(0);
            String name = data.path("attributes").path("contact_information").path("organization_name").asText(data.path("id").asText());
            String conversion = conversionMetricId();
            return CheckResult.ok("connected to Klaviyo account " + name + " (" + data.path("id").asText() + ", "
                    + currency().getCurrencyCode() + ") with revision " + revision + "; conversions counted against '"
                    + config.string("conversion_metric") + "' (" + conversion + ")");
        } catch (ApiException.Authentication e) {
            return CheckResult.authentication(e.getMessage());
        } catch (ApiException.ClientError | ConfigurationException e) {
            return CheckResult.configuration(e.getMessage());
        } catch (QuotaExhaustedException | ApiException e) {
            return CheckResult.transientFailure("Klaviyo could not be reached: " + e.getMessage());
        }
    }

    /** The account's currency, in which conversion values are reported. */
    Currency currency() {
        if (currency == null) {
            String code = api.get("accounts").path("data").path(0).path("attributes").path("preferred_currency").asText("");
            if (code.isEmpty()) {
                throw new AnalyticsException("Klaviyo's account answer has no preferred_currency: conversion values cannot be stored");
            }
            currency = Currency.getInstance(code);
        }
        return currency;
    }

    /** The id of the configured conversion metric: by id, or the one metric of that name. */
    String conversionMetricId() {
        return config.optionalString("conversion_metric_id").orElseGet(() -> metricId(config.string("conversion_metric"), false));
    }

    /** The id of a metric by name; Klaviyo's own integration wins for its email metrics. */
    String metricId(String name, boolean preferKlaviyo) {
        return metricIds.computeIfAbsent(name, n -> {
            JsonNode data = api.get("metrics", Map.of("filter", "equals(name,\"" + n + "\")")).path("data");
            List<JsonNode> found = new ArrayList<>();
            data.forEach(found::add);
            if (found.size() > 1 && preferKlaviyo) {
                found = found.stream().filter(m -> m.path("attributes").path("integration").path("name").asText()
                        .equalsIgnoreCase("Klaviyo")).toList();
            }
            if (found.size() == 1) {
                return found.get(0).path("id").asText();
            }
            if (found.isEmpty()) {
                throw new ConfigurationException("klaviyo configuration", List.of("the account has no metric named '" + n + "'"));
            }
            throw new ConfigurationException("klaviyo configuration", List.of("several metrics are named '" + n + "': "
                    + found.stream().map(m -> m.path("id").asText() + " (" + m.path("attributes").path("integration").path("name")
                    .asText("?") + ")").toList() + "; set 'conversion_metric_id' to one of them"));
        });
    }

    KlaviyoApi api() {
        return api;
    }

    KlaviyoApi reporting() {
        return reporting;
    }

    Clock clock() {
        return clock;
    }

    static Set<String> touchTypes() {
        return Set.copyOf(TOUCH_TYPES.values());
    }
}
