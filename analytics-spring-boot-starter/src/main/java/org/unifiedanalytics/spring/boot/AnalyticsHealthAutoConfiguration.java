package org.unifiedanalytics.spring.boot;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.ConfigurationException;

/**
 * The {@code analytics} health indicator, when Spring Boot's health support is on the class path (as with
 * spring-boot-starter-actuator) and {@code management.health.analytics.enabled} is not {@code false}.
 */
@AutoConfiguration(after = {AnalyticsAutoConfiguration.class, AnalyticsSchedulerAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnEnabledHealthIndicator("analytics")
public class AnalyticsHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "analyticsHealthIndicator")
    public AnalyticsHealthIndicator analyticsHealthIndicator(ObjectProvider<DataFreshness> freshness, Ingestion ingestion,
                                                             AnalyticsProperties properties) {
        AnalyticsProperties.Health health = properties.health();
        return new AnalyticsHealthIndicator(
                freshness.getIfAvailable(() -> DataFreshness.fromRunLog(ingestion, health.maxStaleness())),
                staleStatus(health.staleStatus()));
    }

    private static Status staleStatus(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "DOWN" -> Status.DOWN;
            case "OUT_OF_SERVICE" -> Status.OUT_OF_SERVICE;
            default -> throw new ConfigurationException("analytics.health.stale-status", List.of(
                    "'" + name + "' is neither DOWN nor OUT_OF_SERVICE"));
        };
    }
}
