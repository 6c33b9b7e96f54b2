package org.unifiedanalytics.connector.ga4;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * A brand's website traffic from GA4 through the Google Analytics Data API ({@code runReport}, v1beta):
 * daily sessions, users, engagement, carts, checkouts, purchases, revenue and key events by session source,
 * medium, campaign and landing page, with GA4's data-quality flags per day, and user totals per day, ISO week
 * and month (users are not additive).
 *
 * <p>Credentials, the first found: {@code credentials_file} (a service-account key or an authorized-user file),
 * {@code credentials_json} (the same, inline), the file named by {@code GOOGLE_APPLICATION_CREDENTIALS}, or
 * gcloud's application-default credentials file. Tokens come from the key file's own {@code token_uri}.
 */
public final class Ga4Provider implements ConnectorProvider {

    public static final String DEFAULT_BASE_URL = "https://analyticsdata.googleapis.com/v1beta/";

    @Override
    public String id() {
        return "ga4";
    }

    @Override
    public String description() {
        return "GA4 website traffic with UTM attribution (Google Analytics Data API)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.list("properties").required().doc("numeric GA4 property ids (not G-XXXX measurement ids), comma-separated"))
                .key(ConfigKey.string("credentials_file").doc("path of a service-account key or an authorized-user JSON file; "
                        + "default: GOOGLE_APPLICATION_CREDENTIALS, then gcloud's application-default credentials"))
                .key(ConfigKey.secret("credentials_json").doc("the same key file's JSON, inline (instead of credentials_file)"))
                .key(ConfigKey.url("token_uri").doc("token endpoint; default: the key file's token_uri, else Google's"))
                .key(ConfigKey.url("base_url").defaultValue(DEFAULT_BASE_URL).doc("Data API address (a proxy or a fake)"))
                .key(ConfigKey.integer("lookback_days").defaultValue("3").doc("reporting days re-read and replaced every run; "
                        + "GA4 revises the last 48 hours and more"))
                .key(ConfigKey.integer("page_size").defaultValue("10000").doc("rows per request, 1 to 250000"))
                .key(ConfigKey.integer("hourly_token_reserve").defaultValue("1000")
                        .doc("below this many hourly tokens left, wait for the next hour (other tools share the quota)"))
                .key(ConfigKey.integer("daily_token_reserve").defaultValue("2000")
                        .doc("below this many daily tokens left, stop and resume after midnight Pacific time"))
                .key(ConfigKey.duration("max_quota_wait").defaultValue("60m")
                        .doc("the longest wait for the hourly quota within a run; longer ends the run until then"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new Ga4Connector(context);
    }
}
