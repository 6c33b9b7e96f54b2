package org.unifiedanalytics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.CommonKeys;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.ingest.ConnectorRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * IDEs complete {@code analytics.connectors.<id>.<key>} from the additional configuration metadata the starter ships:
 * it must name every key of every built-in connector, as the connectors declare them today.
 */
class ConfigurationMetadataTest {
    private static final Path SHIPPED = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final Path EXPECTED = Path.of("target/additional-spring-configuration-metadata.json");

    @Test
    void the_shipped_metadata_names_every_key_of_every_built_in_connector() throws IOException {
        String expected = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expected()) + "\n";
        Files.writeString(EXPECTED, expected);

        assertThat(Files.exists(SHIPPED) ? Files.readString(SHIPPED) : "")
                .as("the shipped metadata; when a connector's keys changed, copy %s to %s", EXPECTED, SHIPPED)
                .isEqualTo(expected);
    }

    @Test
    void every_built_in_connector_is_on_the_test_class_path() {
        assertThat(ConnectorRegistry.discover().providers()).extracting(ConnectorProvider::id)
                .contains("tiktok", "tiktok-shop", "shopify", "ga4", "klaviyo");
    }

    private static Map<String, Object> expected() {
        List<Map<String, Object>> properties = new ArrayList<>();
        List<ConnectorProvider> providers = new ArrayList<>(ConnectorRegistry.discover().providers());
        providers.sort(Comparator.comparing(ConnectorProvider::id));
        for (ConnectorProvider provider : providers) {
            List<ConfigKey> keys = new ArrayList<>(provider.configSpec().keys());
            keys.addAll(CommonKeys.ALL);
            for (ConfigKey key : keys) {
                Map<String, Object> property = new LinkedHashMap<>();
                property.put("name", "analytics.connectors." + provider.id() + "." + key.name().replace('_', '-'));
                property.put("type", switch (key.type()) {
                    case INTEGER -> "java.lang.Integer";
                    case BOOLEAN -> "java.lang.Boolean";
                    case DECIMAL -> "java.math.BigDecimal";
                    default -> "java.lang.String";
                });
                property.put("description", (key.required() ? "Required. " : "") + key.doc());
                key.defaultValue().ifPresent(value -> property.put("defaultValue", value));
                property.put("sourceType", AnalyticsProperties.class.getName());
                properties.add(property);
            }
        }
        Map<String, Object> hint = new LinkedHashMap<>();
        hint.put("name", "analytics.health.stale-status");
        hint.put("values", List.of(Map.of("value", "DOWN"), Map.of("value", "OUT_OF_SERVICE")));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("properties", properties);
        metadata.put("hints", List.of(hint));
        return metadata;
    }
}
