package org.unifiedanalytics.connector.tiktok;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * A brand's own organic TikTok performance from the TikTok API for Business (v1.3 Accounts endpoints):
 * daily account metrics from {@code business/get/} and every post's lifetime metrics from
 * {@code business/video/list/}, stored as one snapshot per post per reporting date.
 *
 * <p>Several accounts of one app in one configuration: {@code accounts} lists their business ids (open ids)
 * and {@code refresh_tokens} their refresh tokens in the same order. The connector refreshes access tokens
 * itself and keeps the rotated tokens in the credential store.
 */
public final class TikTokProvider implements ConnectorProvider {

    public static final String DEFAULT_BASE_URL = "https://business-api.tiktok.com/open_api/v1.3/";

    @Override
    public String id() {
        return "tiktok";
    }

    @Override
    public String description() {
        return "Organic TikTok account and video metrics (TikTok API for Business)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.string("app_id").required().doc("the TikTok for Business app id (client_id)"))
                .key(ConfigKey.secret("app_secret").required().doc("the app secret (client_secret)"))
                .key(ConfigKey.list("accounts").required().doc("business ids (open ids) of the accounts, comma-separated"))
                .key(ConfigKey.secret("refresh_tokens").required()
                        .doc("the accounts' refresh tokens, comma-separated, in the order of accounts"))
                .key(ConfigKey.url("base_url").defaultValue(DEFAULT_BASE_URL).doc("API address (a proxy or a fake)"))
                .key(ConfigKey.integer("lookback_days").defaultValue("3").doc("reporting days re-read every run"))
                .key(ConfigKey.integer("max_post_age_days").defaultValue("365").doc("posts older than this are no longer re-read"))
                .key(ConfigKey.integer("page_size").defaultValue("20").doc("posts per page, 1 to 20"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new TikTokConnector(context);
    }
}
