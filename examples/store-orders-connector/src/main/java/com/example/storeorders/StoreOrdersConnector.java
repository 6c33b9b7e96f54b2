package com.example.storeorders;

import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.stream.SourceStream;

import com.fasterxml.jackson.databind.JsonNode;

/** One store: one account, one stream of orders. */
final class StoreOrdersConnector implements Connector {
    private final ApiClient api;
    private final String storeId;
    private final int pageSize;

    StoreOrdersConnector(ConnectorContext context) {
        this.storeId = context.config().string("store_id");
        this.pageSize = Math.max(1, Math.min(250, context.config().integer("page_size")));
        String key = context.config().secret("api_key").reveal();
        this.api = context.http()
                .baseUrl(context.config().url("base_url"))
                .header("Authorization", "Bearer " + key)
                .build();
    }

    @Override
    public List<String> accounts() {
        return List.of(storeId);
    }

    @Override
    public List<SourceStream> streams() {
        return List.of(new OrdersStream(api, pageSize));
    }

    @Override
    public CheckResult check() {
        try {
            JsonNode store = api.getJson("/v1/stores/" + storeId, Map.of());
            return CheckResult.ok("connected to store '" + store.path("name").asText(storeId) + "' ("
                    + store.path("currency").asText("?") + ")");
        } catch (ApiException.Authentication e) {
            return CheckResult.authentication("the Store Orders API refused the API key: " + e.getMessage());
        } catch (ApiException.ClientError e) {
            return e.status() == 404 ? CheckResult.configuration("there is no store '" + storeId + "'")
                    : CheckResult.configuration(e.getMessage());
        } catch (ApiException e) {
            return CheckResult.transientFailure("the Store Orders API could not be reached: " + e.getMessage());
        }
    }
}
