package org.unifiedanalytics.connect.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.unifiedanalytics.model.ConfigurationException;

/**
 * The raw text values of a connector's configuration, before {@link ConfigSpec#validate validation}.
 * They come from code, a properties file or environment variables, and layer with
 * {@link #overriddenBy(ConfigValues)}. The documented precedence is: values given in code override
 * environment variables, which override the file.
 *
 * <pre>{@code
 * ConfigValues values = ConfigValues.fromProperties(Path.of("analytics.properties"), "tiktok")
 *         .overriddenBy(ConfigValues.fromEnvironment("tiktok"))
 *         .overriddenBy(ConfigValues.of(Map.of("lookback_days", "5")));
 * }</pre>
 *
 * <p>{@code toString()} prints key names only: values may be secrets.
 */
public final class ConfigValues {
    private final Map<String, String> values;

    private ConfigValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static ConfigValues empty() {
        return new ConfigValues(Map.of());
    }

    public static ConfigValues of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return new ConfigValues(values);
    }

    /**
     * The variables {@code ANALYTICS_<CONNECTOR>_<KEY>} of this process's environment, e.g.
     * {@code ANALYTICS_TIKTOK_ACCESS_TOKEN} for key {@code access_token} of connector {@code tiktok}.
     */
    public static ConfigValues fromEnvironment(String connectorId) {
        return fromEnvironment(connectorId, System.getenv());
    }

    /** As {@link #fromEnvironment(String)}, from the given variables. */
    public static ConfigValues fromEnvironment(String connectorId, Map<String, String> environment) {
        String prefix = environmentPrefix(connectorId);
        Map<String, String> found = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                found.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return new ConfigValues(found);
    }

    /** The environment-variable prefix of a connector: {@code ANALYTICS_TIKTOK_SHOP_} for {@code tiktok-shop}. */
    public static String environmentPrefix(String connectorId) {
        return "ANALYTICS_" + connectorId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    }

    /**
     * The entries {@code <connectorId>.<key>} of a properties file (one file can configure every
     * connector), e.g. {@code tiktok.access_token=...}.
     *
     * @throws ConfigurationException naming the file when it cannot be read
     */
    public static ConfigValues fromProperties(Path file, String connectorId) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("configuration file " + file,
                    java.util.List.of("cannot be read: " + e.getMessage()));
        }
        String prefix = connectorId + ".";
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), properties.getProperty(name).strip());
            }
        }
        return new ConfigValues(found);
    }

    /** These values with those of {@code other} taking precedence. */
    public ConfigValues overriddenBy(ConfigValues other) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(other.values);
        return new ConfigValues(merged);
    }

    /** The values as given: text per key. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "ConfigValues" + values.keySet().stream().sorted().toList();
    }
}
