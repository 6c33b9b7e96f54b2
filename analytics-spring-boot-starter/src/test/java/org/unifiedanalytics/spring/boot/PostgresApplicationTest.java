package org.unifiedanalytics.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A whole Spring Boot application on PostgreSQL, as a host would run it: Boot's own DataSource from
 * {@code spring.datasource.*}, the SDK's tables in their schema there, a sync and an attribution query through the
 * auto-configured beans, and the health indicator.
 */
class PostgresApplicationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
    }

    @Test
    void a_boot_application_on_postgresql_syncs_into_its_own_database_and_answers_attribution() throws Exception {
        TestDatabase.requirePostgres();
        String schema = "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (FakeShopifyApi shopify = ShopifyStore.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(HostApplication.class)
                     .web(WebApplicationType.NONE)
                     .properties("spring.datasource.url=" + TestDatabase.postgresUrl(),
                             "spring.datasource.username=" + TestDatabase.postgresUser(),
                             "spring.datasource.password=" + TestDatabase.postgresPassword(),
                             "analytics.warehouse.schema=" + schema, "spring.main.banner-mode=off")
                     .properties(ShopifyStore.properties(shopify))
                     .run()) {
            try {
                DataSource dataSource = app.getBean(DataSource.class);
                SyncReport report = app.getBean(AnalyticsConnectors.class).sync("shopify");
                List<AttributedRevenue> revenue = app.getBean(AttributionQueries.class)
                        .revenue(AttributionModel.LAST_TOUCH, GroupBy.CHANNEL, Period.all());

                assertThat(dataSource).isInstanceOf(HikariDataSource.class);
                assertThat(app.getBean(Warehouse.class).dataSource()).isSameAs(dataSource);
                assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
                assertThat(revenue).isNotEmpty();
                // 12 orders of 20.00 to 31.00 EUR: 306.00 in all, whoever gets the credit
                assertThat(revenue.stream().map(AttributedRevenue::attributedRevenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo("306.00");
                assertThat(app.getBean(AnalyticsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
                try (Connection connection = dataSource.getConnection();
                     var tables = connection.getMetaData().getTables(null, schema, "sales_order", null)) {
                    assertThat(tables.next()).as("sales_order in schema " + schema).isTrue();
                }
            } finally {
                try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                        TestDatabase.postgresPassword()); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }
}
