package org.unifiedanalytics.connect.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.unifiedanalytics.model.ConfigurationException;

/**
 * The description of a connector's configuration: every key it reads, with type, default, required
 * and secret flags and documentation. {@link #validate} checks values against it and reports every
 * problem at once, naming each key.
 *
 * <pre>{@code
 * ConfigSpec spec = ConfigSpec.builder("tiktok")
 *         .key(ConfigKey.secret("access_token").required().doc("the account's access token"))
 *         .key(ConfigKey.integer("lookback_days").defaultValue("3").doc("reporting days re-read every run"))
 *         .build();
 * ConnectorConfig config = spec.validate(ConfigValues.fromEnvironment("tiktok"));
 * }</pre>
 */
public final class ConfigSpec {
    private final String connectorId;
    private final Map<String, ConfigKey> keys;

    private ConfigSpec(String connectorId, Map<String, ConfigKey> keys) {
        this.connectorId = connectorId;
        this.keys = keys;
    }

    public static Builder builder(String connectorId) {
        return new Builder(connectorId);
    }

    public String connectorId() {
        return connectorId;
    }

    /** Every key, in the order declared. */
    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Parses and checks values: required keys present, every value of its type, no unknown key.
     *
     * @throws ConfigurationException listing every problem, each naming its key; secret values are never repeated
     */
    public ConnectorConfig validate(ConfigValues values) {
        Objects.requireNonNull(values, "values");
        List<String> problems = new ArrayList<>();
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String given : values.asMap().keySet()) {
            if (!keys.containsKey(given)) {
                problems.add("unknown key '" + given + "'" + suggestion(given));
            }
        }
        for (ConfigKey key : keys.values()) {
            String text = values.asMap().get(key.name());
            if (text == null || text.isBlank()) {
                if (key.required()) {
                    problems.add("'" + key.name() + "' is required (" + key.doc() + "); set it in code, in the file as "
                            + connectorId + "." + key.name() + ", or as " + ConfigValues.environmentPrefix(connectorId)
                            + key.name().toUpperCase(Locale.ROOT));
                    continue;
                }
                text = key.defaultValue().orElse(null);
                if (text == null) {
                    continue;
                }
            }
            try {
                parsed.put(key.name(), parse(key.type(), text.strip()));
            } catch (IllegalArgumentException e) {
                String shown = key.secret() ? "the secret value" : "'" + text + "'";
                problems.add("'" + key.name() + "' must be " + describe(key.type()) + ", got " + shown);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(connectorId + " configuration", problems);
        }
        return new ConnectorConfig(connectorId, this, parsed);
    }

    private String suggestion(String given) {
        return keys.keySet().stream()
                .filter(k -> distance(k, given) <= 2)
                .findFirst().map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String describe(ConfigType type) {
        return switch (type) {
            case STRING, SECRET -> "text";
            case INTEGER -> "a whole number";
            case BOOLEAN -> "true or false";
            case DECIMAL -> "a decimal number";
            case DURATION -> "a duration such as 30s, 5m, 2h, 1d or PT30S";
            case DATE -> "a date such as 2026-03-01";
            case ZONE -> "a time zone such as Europe/Berlin or UTC";
            case URL -> "an absolute http(s) URL";
            case LIST -> "a comma-separated list";
        };
    }

    static Object parse(ConfigType type, String text) {
        try {
            return switch (type) {
                case STRING -> text;
                case SECRET -> Secret.of(text);
                case INTEGER -> Integer.parseInt(text);
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(text);
                };
                case DECIMAL -> new BigDecimal(text);
                case DURATION -> parseDuration(text);
                case DATE -> LocalDate.parse(text);
                case ZONE -> ZoneId.of(text);
                case URL -> parseUrl(text);
                case LIST -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Duration parseDuration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p") || lower.startsWith("-p")) {
            return Duration.parse(text);
        }
        int split = 0;
        while (split < lower.length() && Character.isDigit(lower.charAt(split))) {
            split++;
        }
        if (split == 0 || split == lower.length()) {
            throw new IllegalArgumentException(text);
        }
        long amount = Long.parseLong(lower.substring(0, split));
        return switch (lower.substring(split)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Builds a spec; a key declared twice is refused. Not thread-safe. */
    public static final class Builder {
        private final String connectorId;
        private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

        private Builder(String connectorId) {
            this.connectorId = Objects.requireNonNull(connectorId, "connectorId");
        }

        public Builder key(ConfigKey key) {
            if (keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key '" + key.name() + "' is declared twice");
            }
            return this;
        }

        public Builder key(ConfigKey.Builder key) {
            return key(key.build());
        }

        /** Adds every key of another spec (the runtime's common keys, say) that this one does not declare. */
        public Builder keys(List<ConfigKey> more) {
            more.forEach(k -> keys.putIfAbsent(k.name(), k));
            return this;
        }

        public ConfigSpec build() {
            return new ConfigSpec(connectorId, new LinkedHashMap<>(keys));
        }
    }
}
