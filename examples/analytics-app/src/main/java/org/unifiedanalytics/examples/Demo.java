package org.unifiedanalytics.examples;

import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jooq.impl.DSL;
import org.unifiedanalytics.model.MigrationResult;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WriteResult;
import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.SourceAccount;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * The demo: an embedded H2 warehouse under {@code target/demo}, migrated, filled and read back.
 * Connectors syncing from local fake APIs, the funnel and attribution join it as their modules land.
 */
public final class Demo {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path file = Path.of("target", "demo", "analytics").toAbsolutePath();
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            MigrationResult migration = warehouse.migrate();
            System.out.printf("Warehouse: embedded H2 at %s (schema version %s, %d migration(s) applied now)%n",
                    file, migration.schemaVersion(), migration.migrationsApplied());

            WriteResult written = warehouse.write(sampleBrand());
            System.out.printf("Wrote %d records: %s%n", written.recordsWritten(), written.rowsByTable());
            WriteResult again = warehouse.write(sampleBrand());
            System.out.printf("Wrote them again (idempotent upserts): still %d orders in the warehouse%n",
                    warehouse.dsl().fetchCount(SALES_ORDER));

            System.out.println();
            System.out.println("Daily views per video (lifetime snapshots turned into daily increases):");
            warehouse.dsl().select(CONTENT_METRIC_INCREASE.CONTENT_ID, CONTENT_METRIC_INCREASE.REPORT_DATE,
                            CONTENT_METRIC_INCREASE.VIEWS)
                    .from(CONTENT_METRIC_INCREASE)
                    .orderBy(CONTENT_METRIC_INCREASE.CONTENT_ID, CONTENT_METRIC_INCREASE.REPORT_DATE)
                    .forEach(r -> System.out.printf("  video %s  %s  +%,d views%n", r.value1(), r.value2(), r.value3()));

            System.out.println();
            System.out.println("Revenue by UTM source / medium and its GA4 channel group, per currency (never summed across):");
            ChannelClassifier classifier = ChannelClassifier.ga4Default();
            warehouse.dsl().select(SALES_ORDER.UTM_SOURCE, SALES_ORDER.UTM_MEDIUM, SALES_ORDER.CURRENCY, DSL.count(),
                            DSL.sum(SALES_ORDER.TOTAL))
                    .from(SALES_ORDER)
                    .groupBy(SALES_ORDER.UTM_SOURCE, SALES_ORDER.UTM_MEDIUM, SALES_ORDER.CURRENCY)
                    .orderBy(SALES_ORDER.UTM_SOURCE, SALES_ORDER.CURRENCY)
                    .forEach(r -> System.out.printf("  %-18s %-15s %s  %d order(s)  %s%n", r.value1() + " / " + r.value2(),
                            classifier.classify(r.value1(), r.value2(), null), r.value3(), r.value4(),
                            r.value5().setScale(2)));
            System.out.println();
            System.out.println("Connectors syncing from local fake APIs, the 7-stage funnel and multi-touch attribution"
                    + " arrive here with the connector and query modules.");
            if (again.recordsWritten() != written.recordsWritten()) {
                throw new IllegalStateException("the second write should have touched the same records");
            }
        }
    }

    private static List<WarehouseRecord> sampleBrand() {
        Instant fetched = Instant.parse("2026-03-05T06:00:00Z");
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(new SourceAccount("tiktok", "7000000001", "Clay & Co", "@clayandco", ZoneId.of("UTC"), null, fetched));
        records.add(new Content("tiktok", "7311111111111111111", "7000000001", "video", "Throwing a mug in 30 seconds",
                "https://www.tiktok.com/@clayandco/video/7311111111111111111", Instant.parse("2026-03-01T17:00:00Z"),
                new BigDecimal("31.2"), fetched));
        long[] lifetimeViews = {1_200, 5_400, 7_900, 8_600};
        for (int day = 0; day < lifetimeViews.length; day++) {
            long views = lifetimeViews[day];
            records.add(new ContentMetrics("tiktok", "7311111111111111111", LocalDate.of(2026, 3, 1).plusDays(day),
                    "7000000001", Counting.LIFETIME, views, views * 8 / 10, views / 12, views / 90, views / 150,
                    views / 60, views / 40, views / 200, views / 80, BigDecimal.valueOf(views * 14), new BigDecimal("0.31"),
                    views / 300, null, fetched));
        }
        String[][] orders = {
                {"1001", "38.00", "EUR", "tiktok", "social"}, {"1002", "24.50", "EUR", "klaviyo", "email"},
                {"1003", "61.00", "EUR", "tiktok", "social"}, {"1004", "45.00", "USD", "google", "organic"},
        };
        for (String[] o : orders) {
            Money total = Money.of(o[1], o[2]);
            Money zero = Money.zero(total.currency());
            Instant created = Instant.parse("2026-03-0" + (Integer.parseInt(o[0]) - 999) + "T12:00:00Z");
            records.add(new SalesOrder("shopify", "gid://shopify/Order/" + o[0], "clayandco.myshopify.com", "#" + o[0],
                    created, created, null, "paid", "fulfilled", total, zero, zero, zero, total, zero,
                    CustomerKey.fromEmail("buyer" + o[0] + "@example.com"), new Utm(o[3], o[4], "spring", null, null),
                    null, "/products/mug", null));
        }
        return records;
    }

    private Demo() {
    }
}
