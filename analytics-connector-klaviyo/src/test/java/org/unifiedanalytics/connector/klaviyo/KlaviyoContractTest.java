package org.unifiedanalytics.connector.klaviyo;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;

/** The connector contract for Klaviyo, against the fake Klaviyo API. */
class KlaviyoContractTest extends ConnectorContractTest {
    private KlaviyoFixture fixture;

    @Override
    protected ConnectorProvider provider() {
        return new KlaviyoProvider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        fixture = new KlaviyoFixture(clock());
        return fixture.klaviyo.server();
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        Map<String, String> config = new HashMap<>(fixture.config());
        config.put("initial_days", "20");
        config.put("page_size", "25");
        return config;
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        Map<String, String> config = new HashMap<>(validConfig(baseUrl));
        config.put("api_key", "pk_test_not_the_key_00000000000");
        return config;
    }

    @Override
    protected Clock clock() {
        return Clock.fixed(KlaviyoFixture.NOW, ZoneOffset.UTC);
    }
}
