package org.unifiedanalytics.connector.sales.shopify;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.Fault;
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

    /** Shopify's GraphQL answers its own failures with HTTP 200 and top-level errors: throttled, and an internal error. */
    @Override
    protected List<Fault> apiErrorAnswers() {
        return List.of(Fault.answer("/admin/api/", FakeResponse.ok("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":"
                        + "{\"code\":\"THROTTLED\"}}],\"extensions\":{\"cost\":{\"requestedQueryCost\":52,\"actualQueryCost\":null,"
                        + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":10,\"restoreRate\":100.0}}}}")),
                Fault.answer("/admin/api/", FakeResponse.ok("{\"errors\":[{\"message\":\"Internal error. Looks like something went"
                        + " wrong on our end.\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}")));
    }
}
