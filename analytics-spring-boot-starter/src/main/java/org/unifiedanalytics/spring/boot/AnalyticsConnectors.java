package org.unifiedanalytics.spring.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.UnknownConnectorException;
import org.unifiedanalytics.model.ConfigurationException;

/**
 * The connectors an application configured under {@code analytics.connectors.<id>.<key>}, each validated when the
 * application starts: a connector id nobody provides or a bad key stops the start-up with every problem named.
 *
 * <pre>{@code
 * @Component
 * class NightlyShopifySync {
 *     private final AnalyticsConnectors connectors;
 *
 *     NightlyShopifySync(AnalyticsConnectors connectors) {
 *         this.connectors = connectors;
 *     }
 *
 *     @Scheduled(cron = "0 0 4 * * *")
 *     void sync() {
 *         log.info("{}", connectors.sync("shopify"));
 *     }
 * }
 * }</pre>
 */
public final class AnalyticsConnectors {
    private final Ingestion ingestion;
    private final Map<String, ConfigValues> values;

    AnalyticsConnectors(Ingestion ingestion, Map<String, ConfigValues> values) {
        this.ingestion = ingestion;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The connectors of these properties, their values overridden by {@code ANALYTICS_<CONNECTOR>_<KEY>} variables of
     * {@code environment}.
     *
     * @throws ConfigurationException naming every unknown connector and every bad key of every connector
     */
    static AnalyticsConnectors of(Ingestion ingestion, Map<String, Map<String, String>> properties,
                                  Map<String, String> environment) {
        Map<String, ConfigValues> configured = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        properties.forEach((id, keys) -> {
            ConfigValues values = ConfigValues.of(snakeCase(keys)).overriddenBy(ConfigValues.fromEnvironment(id, environment));
            try {
                ingestion.configure(id, values);
                configured.put(id, values);
            } catch (UnknownConnectorException e) {
                problems.add("analytics.connectors." + id + ": no connector '" + id + "' on the class path; found: "
                        + String.join(", ", e.available()));
            } catch (ConfigurationException e) {
                e.problems().forEach(p -> problems.add("analytics.connectors." + id + ": " + p));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("analytics.connectors", problems);
        }
        return new AnalyticsConnectors(ingestion, configured);
    }

    /** Spring's kebab-case keys ({@code access-token}) as the connectors name them ({@code access_token}). */
    private static Map<String, String> snakeCase(Map<String, String> keys) {
        Map<String, String> converted = new LinkedHashMap<>();
        keys.forEach((key, value) -> converted.put(key.replace('-', '_').toLowerCase(Locale.ROOT), value));
        return converted;
    }

    /** The configured connector ids, in order. */
    public Set<String> ids() {
        return values.keySet();
    }

    /**
     * The configuration of one connector, as {@link Ingestion} takes it.
     *
     * @throws IllegalArgumentException naming the configured ids, when this one is not
     */
    public ConfigValues values(String connectorId) {
        ConfigValues found = values.get(connectorId);
        if (found == null) {
            throw new IllegalArgumentException("connector '" + connectorId + "' is not configured under analytics.connectors;"
                    + " configured: " + values.keySet());
        }
        return found;
    }

    /** An incremental sync of one configured connector. */
    public SyncReport sync(String connectorId) {
        return ingestion.sync(connectorId, values(connectorId));
    }

    /** Whether one configured connector's credentials and accounts work, in one sentence. */
    public CheckResult check(String connectorId) {
        return ingestion.check(connectorId, values(connectorId));
    }

    /** Names the connectors and their keys, never a value. */
    @Override
    public String toString() {
        Map<String, Set<String>> keys = new TreeMap<>();
        values.forEach((id, v) -> keys.put(id, new java.util.TreeSet<>(v.asMap().keySet())));
        return "AnalyticsConnectors" + keys;
    }
}
