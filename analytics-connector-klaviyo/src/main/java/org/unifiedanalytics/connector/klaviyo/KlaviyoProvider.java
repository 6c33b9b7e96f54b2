package org.unifiedanalytics.connector.klaviyo;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * A brand's email from Klaviyo's REST API (one pinned {@code revision}, JSON:API): campaigns (email and SMS) with
 * their subjects, email campaign results from the Reporting API's campaign-values report (one report per run
 * for every campaign sent in the re-read window), and the "Opened Email" and "Clicked Email" events of every
 * profile as touchpoints on that customer's journey (the email hashed into the SDK's customer key, the same one
 * the stores use).
 */
public final class KlaviyoProvider implements ConnectorProvider {

    public static final String DEFAULT_BASE_URL = "https://a.klaviyo.com/api/";
    /** The revision the connector is written and tested against. */
    public static final String DEFAULT_REVISION = "2025-10-15";

    @Override
    public String id() {
        return "klaviyo";
    }

    @Override
    public String description() {
        return "Klaviyo email campaigns, their results and engagement events (Klaviyo REST API)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.secret("api_key").required().doc("a private API key (pk_...) with campaigns:read, events:read, "
                        + "metrics:read, profiles:read and accounts:read"))
                .key(ConfigKey.string("account").defaultValue("klaviyo").doc("the name this Klaviyo account is stored under"))
                .key(ConfigKey.string("revision").defaultValue(DEFAULT_REVISION).doc("the API revision sent on every request; "
                        + "a warning when it is older than 18 months, as Klaviyo retires revisions"))
                .key(ConfigKey.url("base_url").defaultValue(DEFAULT_BASE_URL).doc("API address (a proxy or a fake)"))
                .key(ConfigKey.string("conversion_metric").defaultValue("Placed Order")
                        .doc("the metric campaign conversions are counted against, by name"))
                .key(ConfigKey.string("conversion_metric_id").doc("its id, when several metrics have that name"))
                .key(ConfigKey.list("events").defaultValue("Opened Email,Clicked Email")
                        .doc("engagement metrics read as touchpoints: Opened Email, Clicked Email, Received Email"))
                .key(ConfigKey.integer("report_days").defaultValue("7")
                        .doc("days of sends whose results are read again every run, as conversions keep arriving"))
                .key(ConfigKey.integer("page_size").defaultValue("200").doc("events per page, 1 to 200"))
                .key(ConfigKey.integer("reports_per_minute").defaultValue("2")
                        .doc("campaign-values reports a minute (Klaviyo allows 1 a second, 2 a minute, 225 a day)"))
                .key(ConfigKey.duration("max_throttle_wait").defaultValue("2m")
                        .doc("the longest Retry-After waited out within a run; longer ends the stream until then"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new KlaviyoConnector(context);
    }
}
