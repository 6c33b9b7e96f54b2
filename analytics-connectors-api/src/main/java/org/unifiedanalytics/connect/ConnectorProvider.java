package org.unifiedanalytics.connect;

import org.unifiedanalytics.connect.config.ConfigSpec;

/**
 * The entry point of a connector, found by {@link java.util.ServiceLoader}: list its class name in
 * {@code META-INF/services/org.unifiedanalytics.connect.ConnectorProvider} (or {@code provides} it in a
 * module descriptor), and the runtime discovers it with no change to the SDK.
 *
 * <pre>{@code
 * public final class ShopOrdersProvider implements ConnectorProvider {
 *     public String id() { return "shop-orders"; }
 *     public String description() { return "Orders from the Shop Orders API"; }
 *     public ConfigSpec configSpec() {
 *         return ConfigSpec.builder(id())
 *                 .key(ConfigKey.secret("api_key").required().doc("the store's API key"))
 *                 .key(ConfigKey.url("base_url").defaultValue("https://api.shop.example").doc("API address"))
 *                 .build();
 *     }
 *     public Connector create(ConnectorContext context) { return new ShopOrdersConnector(context); }
 * }
 * }</pre>
 *
 * <p>Implementations are stateless and thread-safe; all state lives in the connectors they create.
 */
public interface ConnectorProvider {

    /** A stable id, lower case with {@code -} or {@code _}: {@code tiktok}, {@code shopify}. Two providers may not share one. */
    String id();

    /** One line that tells a user what the connector reads. */
    String description();

    /** Every configuration key the connector reads. The runtime adds its own common keys (see {@link CommonKeys}). */
    ConfigSpec configSpec();

    /** A connector for one validated configuration. It must not do I/O yet: {@link Connector#check()} does. */
    Connector create(ConnectorContext context);
}
