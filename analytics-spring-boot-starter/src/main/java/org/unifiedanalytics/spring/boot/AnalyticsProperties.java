package org.unifiedanalytics.spring.boot;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code analytics.*} properties of a Spring Boot application.
 *
 * <pre>
 * analytics.connectors.shopify.shop=clay-and-co.myshopify.com
 * analytics.connectors.shopify.access-token=${SHOPIFY_TOKEN}
 * analytics.scheduler.enabled=true
 * analytics.health.max-staleness=36h
 * </pre>
 *
 * @param warehouse      where the warehouse lives when the application has no {@code DataSource}, and its schema
 * @param connectors     each connector's configuration, by connector id: its keys as {@code analytics connectors}
 *                       lists them, written in kebab case ({@code access-token} for {@code access_token}); the
 *                       environment variables {@code ANALYTICS_<CONNECTOR>_<KEY>} win over them, as in the CLI
 * @param credentialsKey base64 AES-256 key that encrypts rotated OAuth tokens in the warehouse; default
 *                       {@code ANALYTICS_CREDENTIALS_KEY}, or for an embedded warehouse the key file beside it
 * @param scheduler      refreshes of every configured connector on its schedule (the analytics-scheduler module)
 * @param health         when the {@code analytics} health indicator reports the data as stale
 */
@ConfigurationProperties("analytics")
public record AnalyticsProperties(@DefaultValue Warehouse warehouse, Map<String, Map<String, String>> connectors,
                                  String credentialsKey, @DefaultValue Scheduler scheduler, @DefaultValue Health health) {

    public AnalyticsProperties {
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    /**
     * @param schema       the schema the SDK keeps its tables in
     * @param embeddedPath the embedded H2 file (without {@code .mv.db}) used when the application has no {@code DataSource}
     */
    public record Warehouse(@DefaultValue("analytics") String schema, @DefaultValue("data/analytics") String embeddedPath) {
    }

    /**
     * @param enabled         start the scheduler with the application (needs analytics-scheduler on the class path)
     * @param threads         refreshes run at once on this node
     * @param pollingInterval how often the node looks for due work
     */
    public record Scheduler(@DefaultValue("false") boolean enabled, @DefaultValue("2") int threads,
                            @DefaultValue("10s") Duration pollingInterval) {
    }

    /**
     * @param maxStaleness how old a stream's last success may be before the indicator reports it, when the scheduler
     *                     is off (with the scheduler on, a stream is stale when it missed two of its scheduled refreshes)
     * @param staleStatus  the status the indicator reports for stale data: {@code DOWN} (default) or
     *                     {@code OUT_OF_SERVICE}
     */
    public record Health(@DefaultValue("48h") Duration maxStaleness, @DefaultValue("DOWN") String staleStatus) {
    }

    /** Names the connectors and their keys, never a value: connector keys and the credentials key are secrets. */
    @Override
    public String toString() {
        Map<String, Object> keys = new TreeMap<>();
        connectors.forEach((id, values) -> keys.put(id, new java.util.TreeSet<>(values.keySet())));
        return "AnalyticsProperties[warehouse=" + warehouse + ", connectors=" + keys + ", credentialsKey="
                + (credentialsKey == null || credentialsKey.isBlank() ? "unset" : "****") + ", scheduler=" + scheduler
                + ", health=" + health + "]";
    }
}
