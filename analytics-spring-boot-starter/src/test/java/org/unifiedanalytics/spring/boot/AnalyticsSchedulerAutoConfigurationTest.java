package org.unifiedanalytics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unifiedanalytics.scheduler.RefreshScheduler;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

/** The scheduler starts only when enabled and on the class path, with the configured connectors. */
class AnalyticsSchedulerAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner(FakeShopifyApi shopify) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AnalyticsAutoConfiguration.class, AnalyticsSchedulerAutoConfiguration.class))
                .withPropertyValues("analytics.warehouse.embedded-path=" + dir.resolve("analytics"))
                .withPropertyValues(ShopifyStore.properties(shopify));
    }

    @Test
    void the_scheduler_is_off_unless_enabled() {
        try (FakeShopifyApi shopify = ShopifyStore.start()) {
            runner(shopify).run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RefreshScheduler.class)
                    .doesNotHaveBean(DataFreshness.class));
        }
    }

    @Test
    void enabled_it_schedules_every_configured_connector_and_reports_freshness_by_the_schedule() {
        try (FakeShopifyApi shopify = ShopifyStore.start()) {
            runner(shopify).withPropertyValues("analytics.scheduler.enabled=true", "analytics.scheduler.polling-interval=1s")
                    .run(context -> {
                        RefreshScheduler scheduler = context.getBean(RefreshScheduler.class);

                        assertThat(context).hasSingleBean(DataFreshness.class);
                        assertThat(scheduler.status()).extracting(s -> s.connector()).containsOnly("shopify");
                        assertThat(scheduler.nextRun("shopify")).isPresent();
                    });
        }
    }

    @Test
    void enabled_without_the_scheduler_module_on_the_class_path_it_backs_off() {
        try (FakeShopifyApi shopify = ShopifyStore.start()) {
            runner(shopify).withPropertyValues("analytics.scheduler.enabled=true")
                    .withClassLoader(new FilteredClassLoader(RefreshScheduler.class))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("analyticsRefreshScheduler"));
        }
    }
}
