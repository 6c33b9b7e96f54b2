package org.unifiedanalytics.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.testkit.WarehouseSnapshot;

/** The demo's pipeline end to end: fakes, sync, queries, and the numbers a user would check. */
class DemoTest {

    @Test
    void the_demo_syncs_every_stream_and_its_numbers_add_up(@TempDir Path dir) throws Exception {
        Demo.Result result = Demo.run(dir, false, false);

        assertThat(result.reports()).allSatisfy(r -> assertThat(r.succeeded()).as(r.failures().toString()).isTrue());
        assertThat(result.reports().stream().mapToLong(SyncReport::recordsWritten).sum()).isGreaterThan(1_000);
        // Every model hands out exactly the revenue of the conversions, per currency.
        result.attribution().forEach((model, rows) -> result.conversionRevenue().forEach((currency, revenue) ->
                assertThat(rows.stream().filter(r -> r.currency().equals(currency)).map(AttributedRevenue::attributedRevenue)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).as(model + " " + currency).isEqualByComparingTo(revenue)));
        assertThat(result.reports()).extracting(SyncReport::connector)
                .containsExactly("tiktok", "tiktok-shop", "shopify", "ga4", "klaviyo");
        assertThat(result.reports()).allSatisfy(r -> assertThat(r.recordsWritten()).as(r.connector()).isGreaterThan(100));
        // The web store's buyers came from TikTok videos too: every model credits the tiktok channel.
        result.attribution().forEach((model, rows) -> assertThat(rows).as(model.toString())
                .anySatisfy(r -> {
                    assertThat(r.groupKey()).isEqualTo("tiktok");
                    assertThat(r.attributedRevenue()).isPositive();
                }));
        // Email clicks precede some orders: every model credits email with revenue.
        result.attribution().forEach((model, rows) -> assertThat(rows).as(model.toString())
                .anySatisfy(r -> {
                    assertThat(r.groupKey()).isEqualTo("email");
                    assertThat(r.attributedRevenue()).isPositive();
                }));
        var funnel = result.funnel();
        assertThat(funnel.stage("awareness").value()).isGreaterThanOrEqualTo(funnel.stage("engagement").value());
        assertThat(funnel.stage("engagement").value()).isGreaterThanOrEqualTo(funnel.stage("interest").value());
        assertThat(funnel.stage("conversion").value()).isEqualTo(300);
        // GA4's sessions and carts fill the middle of the funnel: every stage has customers in it.
        assertThat(funnel.stages()).allSatisfy(stage -> assertThat(stage.value()).as(stage.name()).isPositive());
        assertThat(funnel.stage("consideration").value()).isGreaterThanOrEqualTo(funnel.stage("intent").value());
        assertThat(funnel.purchasingCustomers()).isGreaterThanOrEqualTo(funnel.stage("loyalty").value());
    }

    @Test
    void running_the_demo_twice_changes_nothing(@TempDir Path dir) throws Exception {
        Demo.run(dir, false, false);
        var first = snapshot(dir);

        Demo.Result second = Demo.run(dir, false, false);

        assertThat(second.reports()).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(snapshot(dir)).isEqualTo(first);
    }

    private static java.util.Map<String, List<String>> snapshot(Path dir) {
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            var all = WarehouseSnapshot.of(warehouse);
            // fetched/updated instants move with the clock between runs; the data itself must not.
            all.replaceAll((table, rows) -> rows.stream().map(row -> row.replaceAll("(fetched_at|updated_at)=[^,}]*", "$1=*")).toList());
            return all;
        }
    }
}
