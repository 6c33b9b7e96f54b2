package org.unifiedanalytics.connector.ga4;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;

/** The connector contract for GA4, against the fake Data API and token endpoint. */
class Ga4ContractTest extends ConnectorContractTest {
    private Ga4Fixture fixture;

    @Override
    protected ConnectorProvider provider() {
        return new Ga4Provider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        fixture = new Ga4Fixture(clock());
        return fixture.ga4.server();
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        Map<String, String> config = new HashMap<>(fixture.config());
        config.put("initial_days", "10");
        return config;
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        Map<String, String> config = new HashMap<>(validConfig(baseUrl));
        // A service account whose key was deleted: the token endpoint refuses its signed JWT.
        String revoked = "revoked@clay-and-co.iam.gserviceaccount.com";
        config.put("credentials_json", fixture.ga4.tokens().newServiceAccountKey(revoked));
        fixture.ga4.tokens().deleteKey(revoked);
        return config;
    }

    @Override
    protected Clock clock() {
        return Clock.fixed(Ga4Fixture.NOW, ZoneOffset.UTC);
    }
}
