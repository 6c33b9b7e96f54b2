package org.unifiedanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.ConfigurationException;

class ConnectorRegistryTest {

    @Test
    void two_providers_with_one_id_are_an_error_naming_both() {
        assertThatThrownBy(() -> ConnectorRegistry.of(List.of(new InMemorySource(), new InMemorySource() {
        }))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connector id 'memory' is provided by more than one class")
                .hasMessageContaining(InMemorySource.class.getName())
                .hasMessageContaining(ConnectorRegistryTest.class.getName() + "$1");
    }

    @Test
    void an_unknown_id_lists_the_ids_there_are() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(new InMemorySource()));

        assertThatThrownBy(() -> registry.require("tiktok")).hasMessageContaining("no connector 'tiktok'")
                .hasMessageContaining("found: memory");
        assertThat(registry.find("memory")).isPresent();
    }
}
