package org.unifiedanalytics.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.ConfigurationException;

class ConfigTest {
    private final ConfigSpec spec = ConfigSpec.builder("tiktok-shop")
            .key(ConfigKey.secret("app_secret").required().doc("the app secret"))
            .key(ConfigKey.string("shop").required().doc("the shop"))
            .key(ConfigKey.integer("lookback_days").defaultValue("3").doc("days re-read"))
            .key(ConfigKey.duration("timeout").defaultValue("30s").doc("how long"))
            .key(ConfigKey.date("start_date").doc("first day"))
            .key(ConfigKey.zone("zone").defaultValue("UTC").doc("reporting zone"))
            .key(ConfigKey.list("accounts").defaultValue("a, b").doc("accounts"))
            .key(ConfigKey.bool("verbose").defaultValue("false").doc("more logs"))
            .build();

    @Test
    void values_are_parsed_to_their_types_with_defaults_filled_in() {
        ConnectorConfig config = spec.validate(ConfigValues.of(Map.of("app_secret", "s", "shop", "x",
                "timeout", "2m", "start_date", "2026-01-01", "zone", "Europe/Berlin", "verbose", "yes")));

        assertThat(config.integer("lookback_days")).isEqualTo(3);
        assertThat(config.duration("timeout")).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.date("start_date")).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(config.zone("zone")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.list("accounts")).containsExactly("a", "b");
        assertThat(config.bool("verbose")).isTrue();
        assertThat(config.secret("app_secret").reveal()).isEqualTo("s");
    }

    @Test
    void a_secret_prints_redacted_everywhere() {
        ConnectorConfig config = spec.validate(ConfigValues.of(Map.of("app_secret", "hunter2", "shop", "x")));

        assertThat(config.toString()).contains("app_secret=******").doesNotContain("hunter2");
        assertThat(Secret.of("hunter2")).hasToString("******");
    }

    @Test
    void a_bad_secret_value_is_reported_without_repeating_it() {
        ConfigSpec numeric = ConfigSpec.builder("x").key(ConfigKey.secret("pin").doc("a secret")).build();
        assertThat(numeric.validate(ConfigValues.of(Map.of("pin", "1234"))).secret("pin").reveal()).isEqualTo("1234");

        assertThatThrownBy(() -> spec.validate(ConfigValues.of(Map.of("app_secret", "hunter2", "shop", "x",
                "start_date", "hunter2-date"))))
                .hasMessageContaining("'start_date' must be a date").hasMessageContaining("hunter2-date");
    }

    @Test
    void environment_variables_are_read_by_the_connector_prefix() {
        ConfigValues values = ConfigValues.fromEnvironment("tiktok-shop", Map.of(
                "ANALYTICS_TIKTOK_SHOP_APP_SECRET", "s", "ANALYTICS_TIKTOK_SHOP_SHOP", "x", "ANALYTICS_TIKTOK_APP_SECRET", "no",
                "PATH", "/bin"));

        assertThat(values.asMap()).containsOnly(Map.entry("app_secret", "s"), Map.entry("shop", "x"));
    }

    @Test
    void code_overrides_the_environment_which_overrides_the_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analytics.properties");
        Files.writeString(file, "tiktok-shop.shop=from-file\ntiktok-shop.lookback_days=9\ntiktok-shop.app_secret=file\nklaviyo.shop=other\n");

        ConfigValues values = ConfigValues.fromProperties(file, "tiktok-shop")
                .overriddenBy(ConfigValues.fromEnvironment("tiktok-shop", Map.of("ANALYTICS_TIKTOK_SHOP_SHOP", "from-env")))
                .overriddenBy(ConfigValues.of(Map.of("lookback_days", "1")));
        ConnectorConfig config = spec.validate(values);

        assertThat(config.string("shop")).isEqualTo("from-env");
        assertThat(config.integer("lookback_days")).isEqualTo(1);
        assertThat(config.secret("app_secret").reveal()).isEqualTo("file");
    }

    @Test
    void a_missing_file_is_an_error_naming_it(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigValues.fromProperties(dir.resolve("nope.properties"), "x"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.properties");
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> spec.validate(ConfigValues.of(Map.of("lookback_days", "three", "zone", "Mars/Base",
                "timeout", "soon", "shopp", "x"))))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).hasSize(6)
                        .anySatisfy(p -> assertThat(p).startsWith("'app_secret' is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("'shop' is required"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("unknown key 'shopp' (did you mean 'shop'?)"))
                        .anySatisfy(p -> assertThat(p).startsWith("'lookback_days' must be a whole number"))
                        .anySatisfy(p -> assertThat(p).startsWith("'zone' must be a time zone"))
                        .anySatisfy(p -> assertThat(p).startsWith("'timeout' must be a duration")));
    }

    @Test
    void a_key_declared_twice_or_required_with_a_default_is_a_programming_error() {
        assertThatThrownBy(() -> ConfigSpec.builder("x").key(ConfigKey.string("a")).key(ConfigKey.integer("a")))
                .hasMessageContaining("'a' is declared twice");
        assertThatThrownBy(() -> ConfigKey.string("a").required().defaultValue("1").build())
                .hasMessageContaining("required, so it cannot have a default");
        assertThat(List.of(spec.keys().get(0).secret(), spec.keys().get(1).secret())).containsExactly(true, false);
    }
}
