package org.unifiedanalytics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.ChannelKpiQueries;
import org.unifiedanalytics.query.FunnelQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The core auto-configuration: warehouse, ingestion, connectors and queries, each condition on and off. */
class AnalyticsAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AnalyticsAutoConfiguration.class))
                .withPropertyValues("analytics.warehouse.embedded-path=" + dir.resolve("analytics"));
    }

    @Test
    void without_a_data_source_the_warehouse_is_an_embedded_file_at_the_configured_path_with_its_schema_migrated() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Warehouse.class).hasSingleBean(Ingestion.class)
                    .hasSingleBean(AttributionQueries.class).hasSingleBean(FunnelQueries.class)
                    .hasSingleBean(ChannelKpiQueries.class).hasSingleBean(AnalyticsConnectors.class);
            Warehouse warehouse = context.getBean(Warehouse.class);
            assertThat(warehouse.location().embeddedFile()).contains(dir.resolve("analytics").toAbsolutePath());
            assertThat(warehouse.dsl().fetchCount(org.unifiedanalytics.model.schema.Tables.SALES_ORDER)).isZero();
        });
        assertThat(Files.exists(dir.resolve("analytics.mv.db"))).isTrue();
    }

    @Test
    void with_the_applications_data_source_the_warehouse_lives_there_in_its_schema_and_leaves_the_pool_open() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:host-app;DB_CLOSE_DELAY=-1");

        runner().withBean(DataSource.class, () -> h2).withPropertyValues("analytics.warehouse.schema=marketing").run(context -> {
            Warehouse warehouse = context.getBean(Warehouse.class);
            assertThat(warehouse.dataSource()).isSameAs(h2);
            assertThat(warehouse.location().embeddedFile()).isEmpty();
        });

        try (Connection connection = h2.getConnection();
             var tables = connection.getMetaData().getTables(null, "MARKETING", "SALES_ORDER", null)) {
            assertThat(tables.next()).as("the SDK's table in the configured schema of the host's database").isTrue();
        }
    }

    @Test
    void a_warehouse_the_application_defines_is_used_as_it_is() {
        Warehouse own = Warehouse.inMemory("own-warehouse");
        own.migrate();

        runner().withBean(Warehouse.class, () -> own).run(context -> {
            assertThat(context.getBean(Warehouse.class)).isSameAs(own);
            assertThat(context.getBean(AttributionQueries.class)).isNotNull();
        });
        own.close();
    }

    @Test
    void connectors_configured_in_kebab_case_sync_and_report_to_the_applications_meter_registry() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (FakeShopifyApi shopify = ShopifyStore.start()) {
            runner().withBean(MeterRegistry.class, () -> meters).withPropertyValues(ShopifyStore.properties(shopify)).run(context -> {
                AnalyticsConnectors connectors = context.getBean(AnalyticsConnectors.class);

                SyncReport report = connectors.sync("shopify");

                assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
                assertThat(connectors.ids()).containsExactly("shopify");
                assertThat(connectors.values("shopify").asMap()).containsEntry("access_token", ShopifyStore.TOKEN)
                        .containsEntry("initial_days", "30");
                assertThat(meters.getMeters()).as("the SDK's meters in the application's registry").isNotEmpty();
                var revenue = context.getBean(AttributionQueries.class).revenue(AttributionModel.LINEAR, GroupBy.CHANNEL,
                        Period.all());
                assertThat(revenue).isNotEmpty();
            });
        }
    }

    @Test
    void every_problem_of_every_configured_connector_stops_the_start_at_once() {
        runner().withPropertyValues("analytics.connectors.shopify.shop=clayandco", "analytics.connectors.shopify.page-size=many",
                "analytics.connectors.shopfy.shop=x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("analytics.connectors.shopfy: no connector 'shopfy' on the class path; found:")
                    .hasMessageContaining("analytics.connectors.shopify: ")
                    .hasMessageContaining("access_token")
                    .hasMessageContaining("page_size");
        });
    }

    @Test
    void a_credentials_key_that_is_not_32_bytes_stops_the_start_without_showing_the_key() {
        runner().withPropertyValues("analytics.credentials-key=c2hvcnQta2V5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("analytics.credentials-key")
                    .hasMessageContaining("must be 32 bytes").hasMessageNotContaining("c2hvcnQta2V5");
        });
    }

    @Test
    void the_properties_never_print_a_connector_value_or_the_credentials_key() {
        runner().withPropertyValues("analytics.connectors.shopify.shop=clayandco", "analytics.connectors.shopify.access-token=shpat_secret",
                "analytics.credentials-key=" + "A".repeat(43) + "=").run(context -> {
            String properties = context.getBean(AnalyticsProperties.class).toString();
            String connectors = context.getBean(AnalyticsConnectors.class).toString();

            assertThat(properties).contains("shopify").contains("access-token").doesNotContain("shpat_secret")
                    .doesNotContain("AAAA");
            assertThat(connectors).contains("access_token").doesNotContain("shpat_secret");
        });
    }

    @Test
    void environment_variables_win_over_properties_as_in_the_cli() {
        Ingestion ingestion = Ingestion.on(Warehouse.inMemory("env-wins"));

        AnalyticsConnectors connectors = AnalyticsConnectors.of(ingestion,
                Map.of("shopify", Map.of("shop", "from-properties", "access-token", "t")),
                Map.of("ANALYTICS_SHOPIFY_SHOP", "from-environment"));

        assertThat(connectors.values("shopify").asMap()).containsEntry("shop", "from-environment").containsEntry("access_token", "t");
    }
}
