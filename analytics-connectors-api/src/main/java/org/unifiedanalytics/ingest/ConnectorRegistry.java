package org.unifiedanalytics.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.model.ConfigurationException;

/**
 * The connectors on the class path, found with {@link ServiceLoader}. Two providers with the same id
 * are an error that names both classes; asking for an unknown id lists the ids there are.
 */
public final class ConnectorRegistry {
    private final Map<String, ConnectorProvider> providers;

    private ConnectorRegistry(Map<String, ConnectorProvider> providers) {
        this.providers = providers;
    }

    /** Every provider the class loader's {@code META-INF/services} (or module descriptors) lists. */
    public static ConnectorRegistry discover(ClassLoader classLoader) {
        List<ConnectorProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(ConnectorProvider.class, classLoader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("connector discovery", List.of("a connector provider could not be loaded: "
                    + e.getMessage()));
        }
        return of(found);
    }

    public static ConnectorRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** A registry of exactly these providers (for tests and hosts that wire connectors by hand). */
    public static ConnectorRegistry of(List<ConnectorProvider> list) {
        Map<String, List<ConnectorProvider>> byId = list.stream().collect(Collectors.groupingBy(ConnectorProvider::id,
                LinkedHashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        Map<String, ConnectorProvider> providers = new LinkedHashMap<>();
        byId.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue().size() > 1) {
                problems.add("connector id '" + e.getKey() + "' is provided by more than one class: " + e.getValue().stream()
                        .map(p -> p.getClass().getName()).sorted().collect(Collectors.joining(", ")));
            } else {
                providers.put(e.getKey(), e.getValue().get(0));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("connector discovery", problems);
        }
        return new ConnectorRegistry(providers);
    }

    /** Every provider, by id. */
    public List<ConnectorProvider> providers() {
        return providers.values().stream().sorted(Comparator.comparing(ConnectorProvider::id)).toList();
    }

    public Optional<ConnectorProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * The provider with this id.
     *
     * @throws UnknownConnectorException listing the ids there are
     */
    public ConnectorProvider require(String id) {
        return find(id).orElseThrow(() -> new UnknownConnectorException(id, providers.keySet().stream().sorted().toList()));
    }
}
