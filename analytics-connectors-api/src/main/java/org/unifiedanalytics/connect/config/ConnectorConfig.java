package org.unifiedanalytics.connect.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A validated configuration: every value parsed to its key's type. Made by {@link ConfigSpec#validate}.
 * Typed getters throw {@link IllegalArgumentException} for a key the spec does not declare, and
 * {@link java.util.NoSuchElementException} for an optional key without value (use the {@code optional...} ones).
 * {@code toString()} redacts secrets.
 */
public final class ConnectorConfig {
    private final String connectorId;
    private final ConfigSpec spec;
    private final Map<String, Object> values;

    ConnectorConfig(String connectorId, ConfigSpec spec, Map<String, Object> values) {
        this.connectorId = connectorId;
        this.spec = spec;
        this.values = Map.copyOf(values);
    }

    public String connectorId() {
        return connectorId;
    }

    public ConfigSpec spec() {
        return spec;
    }

    public boolean has(String key) {
        return values.containsKey(declared(key));
    }

    public String string(String key) {
        return get(key, String.class);
    }

    public Optional<String> optionalString(String key) {
        return optional(key, String.class);
    }

    public Secret secret(String key) {
        return get(key, Secret.class);
    }

    public Optional<Secret> optionalSecret(String key) {
        return optional(key, Secret.class);
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    public boolean bool(String key) {
        return get(key, Boolean.class);
    }

    public BigDecimal decimal(String key) {
        return get(key, BigDecimal.class);
    }

    public Duration duration(String key) {
        return get(key, Duration.class);
    }

    public LocalDate date(String key) {
        return get(key, LocalDate.class);
    }

    public Optional<LocalDate> optionalDate(String key) {
        return optional(key, LocalDate.class);
    }

    public ZoneId zone(String key) {
        return get(key, ZoneId.class);
    }

    public URI url(String key) {
        return get(key, URI.class);
    }

    public Optional<URI> optionalUrl(String key) {
        return optional(key, URI.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return get(key, List.class);
    }

    private <T> T get(String key, Class<T> type) {
        return optional(key, type).orElseThrow(() -> new java.util.NoSuchElementException(
                connectorId + " configuration has no value for '" + key + "'"));
    }

    private <T> Optional<T> optional(String key, Class<T> type) {
        Object value = values.get(declared(key));
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("'" + key + "' is a " + spec.key(key).orElseThrow().type()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.ofNullable(type.cast(value));
    }

    private String declared(String key) {
        if (spec.key(key).isEmpty()) {
            throw new IllegalArgumentException(connectorId + " configuration declares no key '" + key + "'");
        }
        return key;
    }

    @Override
    public String toString() {
        return connectorId + values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
