package org.unifiedanalytics.connect.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One key of a connector's configuration: its name, type, default, whether it is required or secret,
 * and one line of documentation. Built one key at a time:
 *
 * <pre>{@code
 * ConfigKey token = ConfigKey.secret("access_token").required().doc("long-lived token of the app").build();
 * ConfigKey lookback = ConfigKey.integer("lookback_days").defaultValue("3").doc("days re-read every run").build();
 * }</pre>
 *
 * @param name names are lower-case words joined by underscores; {@code base_url} maps to the environment
 *             variable {@code ANALYTICS_<CONNECTOR>_BASE_URL}
 */
public record ConfigKey(String name, ConfigType type, boolean required, Optional<String> defaultValue, String doc) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key '" + name + "' must be lower-case words joined by underscores");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("config key '" + name + "' is required, so it cannot have a default");
        }
    }

    public boolean secret() {
        return type == ConfigType.SECRET;
    }

    public static Builder string(String name) {
        return new Builder(name, ConfigType.STRING);
    }

    public static Builder secret(String name) {
        return new Builder(name, ConfigType.SECRET);
    }

    public static Builder integer(String name) {
        return new Builder(name, ConfigType.INTEGER);
    }

    public static Builder bool(String name) {
        return new Builder(name, ConfigType.BOOLEAN);
    }

    public static Builder decimal(String name) {
        return new Builder(name, ConfigType.DECIMAL);
    }

    /** A duration in ISO-8601 ({@code PT30S}) or short form ({@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}). */
    public static Builder duration(String name) {
        return new Builder(name, ConfigType.DURATION);
    }

    public static Builder date(String name) {
        return new Builder(name, ConfigType.DATE);
    }

    public static Builder zone(String name) {
        return new Builder(name, ConfigType.ZONE);
    }

    public static Builder url(String name) {
        return new Builder(name, ConfigType.URL);
    }

    /** A comma-separated list of strings. */
    public static Builder list(String name) {
        return new Builder(name, ConfigType.LIST);
    }

    /** Builds one key. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final ConfigType type;
        private boolean required;
        private String defaultValue;
        private String doc = "";

        private Builder(String name, ConfigType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        /** The default, as the text a user would write; it is parsed like any value. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        public Builder doc(String doc) {
            this.doc = doc;
            return this;
        }

        public ConfigKey build() {
            return new ConfigKey(name, type, required, Optional.ofNullable(defaultValue), doc);
        }
    }
}
