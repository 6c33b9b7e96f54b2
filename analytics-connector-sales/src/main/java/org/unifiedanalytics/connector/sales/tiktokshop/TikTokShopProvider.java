package org.unifiedanalytics.connector.sales.tiktokshop;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * Orders from TikTok Shop's Partner API (path-versioned 202309+): signed requests, the seller's token
 * refreshed through the auth host, each shop's {@code shop_cipher} looked up once, orders read by
 * update-time windows and upserted on their id.
 */
public final class TikTokShopProvider implements ConnectorProvider {

    @Override
    public String id() {
        return "tiktok-shop";
    }

    @Override
    public String description() {
        return "TikTok Shop orders with their lines, returns and refunds, and seller analytics per video and product (Partner API)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.string("app_key").required().doc("the app key"))
                .key(ConfigKey.secret("app_secret").required().doc("the app secret; signs every request"))
                .key(ConfigKey.secret("refresh_token").required().doc("the seller's refresh token from the authorization"))
                .key(ConfigKey.list("shops").required().doc("ids of the authorized shops to read, comma-separated"))
                .key(ConfigKey.url("base_url").defaultValue("https://open-api.tiktokglobalshop.com").doc("API host"))
                .key(ConfigKey.url("auth_url").defaultValue("https://auth.tiktok-shops.com").doc("authorization host"))
                .key(ConfigKey.zone("time_zone").doc("the zone the shops' Seller Center reports days in; by default their market's"
                        + " (US: America/Los_Angeles, GB: Europe/London, ...)"))
                .key(ConfigKey.integer("page_size").defaultValue("50").doc("orders and analytics rows per page, 1 to 100 (returns: at most 50)"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new TikTokShopConnector(context);
    }
}
