package org.unifiedanalytics.connector.sales.shopify;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * Orders from a Shopify web store through the GraphQL Admin API: lines, refunds (each its own row), net
 * revenue as a conversion, and the customer journey's first and last visit as touchpoints.
 */
public final class ShopifyProvider implements ConnectorProvider {
    public static final String DEFAULT_VERSION = "2026-10";

    @Override
    public String id() {
        return "shopify";
    }

    @Override
    public String description() {
        return "Shopify orders, refunds and customer journeys (GraphQL Admin API)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.string("shop").required().doc("the store's name, as in <shop>.myshopify.com"))
                .key(ConfigKey.secret("access_token").required().doc("an Admin API access token (shpat_...)"))
                .key(ConfigKey.string("api_version").defaultValue(DEFAULT_VERSION).doc("the pinned Admin API version, a stable quarterly one; a warning within 3 months of its retirement"))
                .key(ConfigKey.url("base_url").doc("API address; default https://<shop>.myshopify.com"))
                .key(ConfigKey.integer("page_size").defaultValue("50").doc("orders per query, 1 to 250; fewer when Shopify's 1,000-point query cost limit requires (13 with the fields read)"))
                .key(ConfigKey.integer("bulk_after_days").defaultValue("30")
                        .doc("a range of more days than this (a backfill, a first sync) is exported by a bulk operation; 0 never"))
                .key(ConfigKey.duration("bulk_poll_interval").defaultValue("5s").doc("how often a running bulk operation is asked about"))
                .key(ConfigKey.duration("bulk_timeout").defaultValue("12h").doc("how long a bulk operation may run before the sync gives up"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new ShopifyConnector(context);
    }
}
