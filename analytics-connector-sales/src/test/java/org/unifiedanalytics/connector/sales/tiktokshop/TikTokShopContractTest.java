package org.unifiedanalytics.connector.sales.tiktokshop;

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
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/** The connector contract for TikTok Shop, against a fake that verifies every signature. */
class TikTokShopContractTest extends ConnectorContractTest {
    private FakeTikTokShopApi shop;

    @Override
    protected ConnectorProvider provider() {
        return new TikTokShopProvider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        shop = TikTokShopFixture.seeded(clock());
        return shop.server();
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        return TikTokShopFixture.config(shop);
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        Map<String, String> config = new HashMap<>(TikTokShopFixture.config(shop));
        config.put("app_secret", "not-the-secret");
        return config;
    }

    @Override
    protected Clock clock() {
        return Clock.fixed(TikTokShopFixture.NOW, ZoneOffset.UTC);
    }

    /** TikTok Shop's error envelope with HTTP 200: "too many requests" and "internal error", as its common error table has them. */
    @Override
    protected List<Fault> apiErrorAnswers() {
        return List.of(Fault.answer("/", FakeResponse.ok("{\"code\":36009002,\"message\":\"Too many requests\","
                        + "\"request_id\":\"2026120600003\",\"data\":null}")),
                Fault.answer("/", FakeResponse.ok("{\"code\":36009003,\"message\":\"Internal error. Please try again.\","
                        + "\"request_id\":\"2026120600004\",\"data\":null}")));
    }
}
