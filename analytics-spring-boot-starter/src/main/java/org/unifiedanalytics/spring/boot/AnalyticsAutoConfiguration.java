package org.unifiedanalytics.spring.boot;

import java.nio.file.Path;
import java.util.Base64;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.ChannelKpiQueries;
import org.unifiedanalytics.query.FunnelQueries;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SDK in a Spring Boot application: a migrated {@link Warehouse} on the application's {@code DataSource} (or an
 * embedded H2 file when it has none), an {@link Ingestion} that reports to the application's {@link MeterRegistry},
 * the query beans, and the {@link AnalyticsConnectors} of {@code analytics.connectors.*}. Every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsAutoConfiguration {

    /** On the application's one {@code DataSource}, left open on close; else an embedded H2 file the warehouse owns. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Warehouse analyticsWarehouse(ObjectProvider<DataSource> dataSource, AnalyticsProperties properties) {
        DataSource host = dataSource.getIfUnique();
        Warehouse.Builder builder = Warehouse.builder().schema(properties.warehouse().schema());
        Warehouse warehouse = (host != null ? builder.dataSource(host)
                : builder.embedded(Path.of(properties.warehouse().embeddedPath()))).build();
        try {
            warehouse.migrate();
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
        return warehouse;
    }

    @Bean
    @ConditionalOnMissingBean
    public Ingestion analyticsIngestion(Warehouse warehouse, ObjectProvider<MeterRegistry> meters,
                                        AnalyticsProperties properties) {
        Ingestion.Builder builder = Ingestion.builder(warehouse);
        meters.ifUnique(builder::meterRegistry);
        String key = properties.credentialsKey();
        if (key != null && !key.isBlank()) {
            builder.credentialKey(decodeKey(key));
        }
        return builder.build();
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            // never the value: it is a secret
            throw new ConfigurationException("analytics.credentials-key", java.util.List.of("is not base64"));
        }
        if (key.length != 32) {
            throw new ConfigurationException("analytics.credentials-key", java.util.List.of(
                    "must be 32 bytes (AES-256) in base64, e.g. the output of `openssl rand -base64 32`; it has " + key.length));
        }
        return key;
    }

    @Bean
    @ConditionalOnMissingBean
    public AnalyticsConnectors analyticsConnectors(Ingestion ingestion, AnalyticsProperties properties) {
        return AnalyticsConnectors.of(ingestion, properties.connectors(), System.getenv());
    }

    @Bean
    @ConditionalOnMissingBean
    public AttributionQueries attributionQueries(Warehouse warehouse) {
        return AttributionQueries.on(warehouse);
    }

    @Bean
    @ConditionalOnMissingBean
    public FunnelQueries funnelQueries(Warehouse warehouse) {
        return FunnelQueries.on(warehouse);
    }

    @Bean
    @ConditionalOnMissingBean
    public ChannelKpiQueries channelKpiQueries(Warehouse warehouse) {
        return ChannelKpiQueries.on(warehouse);
    }
}
