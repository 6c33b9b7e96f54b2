package com.example.popup;

import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * A pop-up store's till log: visits (a QR code scanned, with the channel that brought the visitor) and sales.
 * Listed in {@code META-INF/services/org.unifiedanalytics.connect.ConnectorProvider}, so the SDK finds it.
 */
public final class PopupStoreProvider implements ConnectorProvider {

    @Override
    public String id() {
        return "popup-store";
    }

    @Override
    public String description() {
        return "Visits and sales from a pop-up store's till log (CSV)";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.string("log_file").required().doc("the till log, a CSV file"))
                .key(ConfigKey.string("store").defaultValue("popup").doc("the store's name"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new PopupStoreConnector(context.config().string("log_file"), context.config().string("store"));
    }
}
