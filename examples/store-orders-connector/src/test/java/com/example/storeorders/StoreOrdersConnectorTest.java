package com.example.storeorders;

import com.example.storeorders.fake.FakeStoreOrdersApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.testkit.FakeApiServer;

class StoreOrdersConnectorTest {

    @Test
    void the_runtime_discovers_the_connector_through_service_loader() {
        assertThat(ConnectorRegistry.discover().find("store-orders")).get().isInstanceOf(StoreOrdersProvider.class);
    }

    @Test
    void orders_keep_their_currency_and_become_conversions_at_net_revenue() {
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.seed());
             Warehouse warehouse = Warehouse.inMemory("store_orders_money")) {
            warehouse.migrate();
            Ingestion ingestion = Ingestion.builder(warehouse)
                    .clock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC)).build();

            ingestion.sync("store-orders", ConfigValues.of(Map.of("base_url", api.baseUrl().toString(),
                    "api_key", FakeStoreOrdersApi.KEY, "store_id", FakeStoreOrdersApi.STORE)));

            assertThat(warehouse.dsl().fetchCount(SALES_ORDER, SALES_ORDER.CURRENCY.eq("USD"))).isEqualTo(3);
            assertThat(warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).where(CONVERSION.EXTERNAL_ID.eq("1002"))
                    .fetchOne(0, BigDecimal.class)).isEqualByComparingTo("17.50");
            assertThat(warehouse.dsl().fetchCount(CONVERSION, CONVERSION.CUSTOMER_KEY.isNull())).isEqualTo(1);
        }
    }
}
