package org.unifiedanalytics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unifiedanalytics.connector.sales.shopify.ShopifyProvider;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

/** The analytics health indicator: present with Boot's health support, UP while fresh, DOWN or OUT_OF_SERVICE when stale. */
class AnalyticsHealthAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AnalyticsAutoConfiguration.class, AnalyticsHealthAutoConfiguration.class))
                .withPropertyValues("analytics.warehouse.embedded-path=" + dir.resolve("analytics"));
    }

    private static DataFreshness stale() {
        return () -> List.of(new StreamFreshness("shopify/clayandco/orders", "FAILED", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("HTTP 503 from GET /admin/api/2026-10/graphql.json"), true));
    }

    @Test
    void the_indicator_is_there_with_spring_boots_health_support_and_up_before_any_run() {
        runner().run(context -> {
            assertThat(context).hasBean("analyticsHealthIndicator");
            assertThat(context.getBean(AnalyticsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void without_spring_boots_health_support_there_is_no_indicator() {
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("analyticsHealthIndicator"));
    }

    @Test
    void management_health_analytics_enabled_false_turns_it_off() {
        runner().withPropertyValues("management.health.analytics.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("analyticsHealthIndicator"));
    }

    @Test
    void stale_data_is_down_by_default_naming_the_stream_and_its_last_error() {
        runner().withBean(DataFreshness.class, AnalyticsHealthAutoConfigurationTest::stale).run(context -> {
            Health health = context.getBean(AnalyticsHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("stale")).isEqualTo(List.of("shopify/clayandco/orders"));
            assertThat(health.getDetails().get("streams").toString()).contains("HTTP 503");
        });
    }

    @Test
    void stale_data_can_be_reported_as_out_of_service_instead() {
        runner().withBean(DataFreshness.class, AnalyticsHealthAutoConfigurationTest::stale)
                .withPropertyValues("analytics.health.stale-status=out_of_service")
                .run(context -> assertThat(context.getBean(AnalyticsHealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.OUT_OF_SERVICE));
    }

    @Test
    void a_stale_status_other_than_down_or_out_of_service_stops_the_start() {
        runner().withPropertyValues("analytics.health.stale-status=YELLOW").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'YELLOW' is neither DOWN nor OUT_OF_SERVICE");
        });
    }

    @Test
    void from_the_run_log_a_stream_turns_stale_once_its_last_success_is_older_than_max_staleness() {
        SettableClock clock = new SettableClock(java.time.Instant.now());
        try (FakeShopifyApi shopify = ShopifyStore.start()) {
            Warehouse warehouse = Warehouse.embedded(dir.resolve("run-log"));
            warehouse.migrate();
            // the application's own ingestion, on a clock the test moves
            Ingestion ingestion = Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new ShopifyProvider())))
                    .clock(clock).build();
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(AnalyticsAutoConfiguration.class, AnalyticsHealthAutoConfiguration.class))
                    .withBean(Warehouse.class, () -> warehouse).withBean(Ingestion.class, () -> ingestion)
                    .withPropertyValues(ShopifyStore.properties(shopify)).withPropertyValues("analytics.health.max-staleness=36h")
                    .run(context -> {
                        context.getBean(AnalyticsConnectors.class).sync("shopify");
                        HealthIndicator indicator = context.getBean(AnalyticsHealthIndicator.class);

                        Status fresh = indicator.health().getStatus();
                        clock.advance(Duration.ofHours(37));
                        Health stale = indicator.health();

                        assertThat(fresh).isEqualTo(Status.UP);
                        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
                        assertThat((List<?>) stale.getDetails().get("stale")).isNotEmpty()
                                .allSatisfy(s -> assertThat(s.toString()).startsWith("shopify/"));
                        assertThat(((Map<?, ?>) stale.getDetails().get("streams")).toString()).contains("lastSuccessAt");
                    });
            warehouse.close();
        }
    }
}
