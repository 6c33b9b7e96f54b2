package com.example.storeorders;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * Orders from a store's "Store Orders" REST API. Listed in
 * {@code META-INF/services/org.unifiedanalytics.connect.ConnectorProvider}, so the runtime finds it.
 */
public final class StoreOrdersProvider implements ConnectorProvider {

    @Override
    public String id() {
        return "store-orders";
    }

    @Override
    public String description() {
        return "Orders, lines and their UTM attribution from the Store Orders API";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.secret("api_key").required().doc("the store's API key, sent as a Bearer token"))
                .key(ConfigKey.string("store_id").required().doc("the store to read"))
                .key(ConfigKey.url("base_url").defaultValue("https://api.store-orders.example").doc("the API's address"))
                .key(ConfigKey.integer("page_size").defaultValue("50").doc("orders per page, 1 to 250"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new StoreOrdersConnector(context);
    }
}
