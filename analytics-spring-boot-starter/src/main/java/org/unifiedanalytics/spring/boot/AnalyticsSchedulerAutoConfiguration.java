package org.unifiedanalytics.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.scheduler.RefreshScheduler;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@link RefreshScheduler}, refreshing every connector of {@code analytics.connectors.*} on the schedule of its
 * {@code schedule} key, when {@code analytics.scheduler.enabled=true} and analytics-scheduler is on the class path.
 * It starts once the application has started and stops, letting running refreshes finish, when it stops; several
 * replicas on one database share the work.
 */
@AutoConfiguration(after = AnalyticsAutoConfiguration.class)
@ConditionalOnClass(name = "org.unifiedanalytics.scheduler.RefreshScheduler")
@ConditionalOnProperty(prefix = "analytics.scheduler", name = "enabled", havingValue = "true")
public class AnalyticsSchedulerAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RefreshScheduler analyticsRefreshScheduler(Warehouse warehouse, Ingestion ingestion, AnalyticsConnectors connectors,
                                                      ObjectProvider<MeterRegistry> meters, AnalyticsProperties properties) {
        RefreshScheduler.Builder builder = RefreshScheduler.builder(warehouse, ingestion)
                .threads(properties.scheduler().threads()).pollingInterval(properties.scheduler().pollingInterval());
        connectors.ids().forEach(id -> builder.connector(id, connectors.values(id)));
        meters.ifUnique(builder::meterRegistry);
        return builder.build();
    }

    /** Starts the scheduler after the application context, so no refresh runs against a half-built application. */
    @Bean
    public SmartLifecycle analyticsRefreshSchedulerLifecycle(RefreshScheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Staleness by the schedule: a stream is stale when it missed two of its connector's scheduled refreshes; a first run still going is not. */
    @Bean
    @ConditionalOnMissingBean
    public DataFreshness analyticsDataFreshness(RefreshScheduler scheduler) {
        return () -> scheduler.status().stream().filter(s -> s.lastStatus().isPresent())
                .map(s -> new StreamFreshness(s.instance() + "/" + s.account() + "/" + s.stream(), s.lastStatus().get(),
                        s.lastSuccessAt(), s.lag(), s.lastError(),
                        s.late() && !(s.lastSuccessAt().isEmpty() && DataFreshness.RUNNING.equals(s.lastStatus().get()))))
                .toList();
    }
}
