package com.example.storeorders;

import com.example.storeorders.fake.FakeStoreOrdersApi;

import java.net.URI;
import java.util.Map;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.testkit.ConnectorContractTest;
import org.unifiedanalytics.testkit.FakeApiServer;

/** The whole connector contract, for the example connector, in a few lines. */
class StoreOrdersContractTest extends ConnectorContractTest {

    @Override
    protected ConnectorProvider provider() {
        return new StoreOrdersProvider();
    }

    @Override
    protected FakeApiServer startFakeApi() {
        return FakeStoreOrdersApi.start(FakeStoreOrdersApi.seed());
    }

    @Override
    protected Map<String, String> validConfig(URI baseUrl) {
        return Map.of("base_url", baseUrl.toString(), "api_key", FakeStoreOrdersApi.KEY, "store_id",
                FakeStoreOrdersApi.STORE, "page_size", "3");
    }

    @Override
    protected Map<String, String> invalidCredentials(URI baseUrl) {
        return Map.of("base_url", baseUrl.toString(), "api_key", "wrong-key", "store_id", FakeStoreOrdersApi.STORE);
    }
}
