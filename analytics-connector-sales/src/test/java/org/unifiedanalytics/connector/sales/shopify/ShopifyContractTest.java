package org.unifiedanalytics.connector.sales.shopify;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

/** The connector contract for Shopify, against a fake that charges query cost. */
class ShopifyContractTest extends ConnectorContractTest {
    private FakeShopifyApi shopify;

    @Override
    protected ConnectorProvider provider() {
        return new ShopifyProvider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        shopify = ShopifyFixture.seeded(1000, 5000);
        return shopify.server();
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        return ShopifyFixture.config(shopify);
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        Map<String, String> config = new HashMap<>(ShopifyFixture.config(shopify));
        config.put("access_token", "shpat_wrong");
        return config;
    }

    @Override
    protected Clock clock() {
        return Clock.fixed(ShopifyFixture.NOW, ZoneOffset.UTC);
    }
}
