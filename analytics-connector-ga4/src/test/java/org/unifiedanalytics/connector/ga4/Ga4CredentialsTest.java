package org.unifiedanalytics.connector.ga4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.CommonKeys;
import org.unifiedanalytics.connect.config.ConfigSpec;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.credentials.InMemoryCredentialStore;
import org.unifiedanalytics.ingest.internal.RuntimeContext;
import org.unifiedanalytics.ingest.internal.RuntimeMetrics;
import org.unifiedanalytics.model.ConfigurationException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Where the connector finds Google credentials when none is configured: as Google's libraries look for them. */
class Ga4CredentialsTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Ga4Fixture.NOW, ZoneOffset.UTC);
    private final Ga4Fixture fixture = new Ga4Fixture(clock);

    @AfterEach
    void stop() {
        fixture.ga4.close();
    }

    private Ga4Connector connector(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(Map.of("properties", Ga4Fixture.PROPERTY, "base_url", fixture.ga4.baseUrl()));
        ConfigSpec spec = ConfigSpec.builder("ga4").keys(new Ga4Provider().configSpec().keys()).keys(CommonKeys.ALL).build();
        RuntimeContext context = new RuntimeContext("ga4", spec.validate(ConfigValues.of(values)), clock,
                new RuntimeMetrics(new SimpleMeterRegistry(), clock), InMemoryCredentialStore::new);
        return new Ga4Connector(context, environment, dir);
    }

    @Test
    void the_key_file_named_by_google_application_credentials_is_used() throws Exception {
        Path key = Files.writeString(dir.resolve("key.json"), fixture.keyFile);

        CheckResult result = connector(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())).check();

        assertThat(result.isOk()).as(result.message()).isTrue();
        assertThat(result.message()).contains(Ga4Fixture.ACCOUNT);
    }

    @Test
    void gclouds_application_default_credentials_file_is_used_last() throws Exception {
        Path adc = dir.resolve(".config/gcloud/application_default_credentials.json");
        Files.createDirectories(adc.getParent());
        Files.writeString(adc, fixture.keyFile);

        CheckResult result = connector(Map.of()).check();

        assertThat(result.isOk()).as(result.message()).isTrue();
    }

    @Test
    void without_any_credentials_the_error_names_every_place_they_could_be() {
        assertThatThrownBy(() -> connector(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("credentials_file").hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
                .hasMessageContaining("gcloud auth application-default login");
    }

    @Test
    void a_key_file_that_is_not_a_google_key_is_refused_without_quoting_it() throws Exception {
        Path key = Files.writeString(dir.resolve("key.json"), "{\"type\":\"service_account\",\"private_key\":\"not-a-key\","
                + "\"client_email\":\"x@y\",\"private_key_id\":\"k1\"}");

        assertThatThrownBy(() -> connector(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("private_key is not a PKCS#8 RSA key").hasMessageNotContaining("not-a-key");
    }
}
