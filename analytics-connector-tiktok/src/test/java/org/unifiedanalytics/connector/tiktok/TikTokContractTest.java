package org.unifiedanalytics.connector.tiktok;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

/** The connector contract for TikTok, against the fake TikTok API for Business. */
class TikTokContractTest extends ConnectorContractTest {
    private FakeTikTokApi tiktok;

    @Override
    protected ConnectorProvider provider() {
        return new TikTokProvider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        tiktok = TikTokFixture.seeded();
        return tiktok.server();
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        return TikTokFixture.config(tiktok);
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        Map<String, String> config = new HashMap<>(TikTokFixture.config(tiktok));
        config.put("app_secret", "not-the-secret");
        return config;
    }

    @Override
    protected java.time.Clock clock() {
        return java.time.Clock.fixed(TikTokFixture.NOW, java.time.ZoneOffset.UTC);
    }
}
