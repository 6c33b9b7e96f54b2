package org.unifiedanalytics.ingest.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unifiedanalytics.connect.CommonKeys;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.RequestRateLimiter;

import io.micrometer.core.instrument.MeterRegistry;

/** The context the runtime hands a connector: its configuration, a ready HTTP client builder, clock, logs, metrics. */
public final class RuntimeContext implements ConnectorContext {
    private final String instance;
    private final ConnectorConfig config;
    private final Clock clock;
    private final RuntimeMetrics metrics;
    private final RuntimeMetrics.RequestStats stats = new RuntimeMetrics.RequestStats();
    private final RequestRateLimiter perSecond;
    private final RequestRateLimiter perMinute;

    private final java.util.function.Supplier<CredentialStore> credentialStore;
    private CredentialStore credentials;

    /** @param credentialStore asked once, when the connector first wants its credential store */
    public RuntimeContext(String instance, ConnectorConfig config, Clock clock, RuntimeMetrics metrics,
                          java.util.function.Supplier<CredentialStore> credentialStore) {
        this.instance = instance;
        this.credentialStore = credentialStore;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.perSecond = ApiClient.rateLimiter(instance + "-per-second", config.integer(CommonKeys.REQUESTS_PER_SECOND.name()),
                Duration.ofSeconds(1));
        this.perMinute = ApiClient.rateLimiter(instance + "-per-minute", config.integer(CommonKeys.REQUESTS_PER_MINUTE.name()),
                Duration.ofMinutes(1));
    }

    /** HTTP statistics of this connector's client, which the runner reads per stream. */
    public RuntimeMetrics.RequestStats statsForRunner() {
        return stats;
    }

    @Override
    public String instanceName() {
        return instance;
    }

    @Override
    public ConnectorConfig config() {
        return config;
    }

    @Override
    public ApiClient.Builder http() {
        return ApiClient.builder()
                .connectTimeout(config.duration(CommonKeys.CONNECT_TIMEOUT.name()))
                .requestTimeout(config.duration(CommonKeys.REQUEST_TIMEOUT.name()))
                .retries(config.integer(CommonKeys.MAX_RETRIES.name()), config.duration(CommonKeys.RETRY_INITIAL_DELAY.name()),
                        config.duration(CommonKeys.RETRY_MAX_DELAY.name()))
                .rateLimiter(perSecond)
                .rateLimiter(perMinute)
                .listener(metrics.requestListener(instance, stats));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("org.unifiedanalytics.connector." + config.connectorId());
    }

    @Override
    public synchronized CredentialStore credentials() {
        if (credentials == null) {
            credentials = credentialStore.get();
        }
        return credentials;
    }

    @Override
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }
}
