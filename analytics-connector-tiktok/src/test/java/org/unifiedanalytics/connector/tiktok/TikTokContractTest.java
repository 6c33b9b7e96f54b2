package org.unifiedanalytics.connector.tiktok;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.Fault;
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

    /** TikTok answers its errors with HTTP 200 and a code in the envelope: a rate limit and an internal error. */
    @Override
    protected List<Fault> apiErrorAnswers() {
        return List.of(Fault.answer("/", FakeResponse.ok("{\"code\":40100,\"message\":\"Too many requests. Please retry in some"
                        + " time.\",\"request_id\":\"2026120600001\",\"data\":{}}")),
                Fault.answer("/", FakeResponse.ok("{\"code\":50002,\"message\":\"Internal error, please try again later.\","
                        + "\"request_id\":\"2026120600002\",\"data\":{}}")));
    }
}
