package org.unifiedanalytics.connector.sales.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

class ShopifyApiVersionTest {

    @Test
    void a_version_is_served_twelve_months_from_its_quarter_and_warned_of_three_months_before() {
        ShopifyApiVersion january = ShopifyApiVersion.parse("2026-01").orElseThrow();

        assertThat(january.retired()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(january.retiringSoon(LocalDate.of(2026, 9, 30))).isFalse();
        assertThat(january.retiringSoon(LocalDate.of(2026, 12, 4))).isTrue();
        assertThat(january.retiredBy(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(ShopifyApiVersion.parse("2026-02")).isEmpty();
        assertThat(ShopifyApiVersion.parse("unstable")).isEmpty();
    }

    @Test
    void the_default_version_is_the_newest_stable_one_and_not_retiring() {
        ShopifyApiVersion version = ShopifyApiVersion.parse(ShopifyProvider.DEFAULT_VERSION).orElseThrow();

        assertThat(version.retiringSoon(LocalDate.of(2026, 12, 4))).isFalse();
        assertThat(version.released()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void a_retired_version_is_refused_before_any_request_saying_what_to_set() {
        try (TestWarehouse test = TestDatabase.H2.open()) {
            Map<String, String> values = new HashMap<>(Map.of("shop", "clayandco", "access_token", "shpat_x", "api_version", "2025-07"));
            Ingestion ingestion = Ingestion.builder(test.migrated()).registry(ConnectorRegistry.of(List.of(new ShopifyProvider())))
                    .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T10:00:00Z"), java.time.ZoneOffset.UTC)).build();

            assertThatThrownBy(() -> ingestion.sync(SyncRequest.incremental("shopify", ConfigValues.of(values))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("2025-07 is no longer served by Shopify (retired 2026-07-01)")
                    .hasMessageContaining(ShopifyProvider.DEFAULT_VERSION);
        }
    }
}
