package com.example.popup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/** Syncs March's till log into an embedded warehouse and prints which channels earned the sales. */
public final class PopupAnalytics {
    static final DateRange MARCH = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"));

    public static void main(String[] args) {
        Path warehouseFile = Path.of(args.length > 0 ? args[0] : "target/popup/analytics");
        Path tillLog = Path.of(args.length > 1 ? args[1] : "till-log.csv");
        run(warehouseFile, tillLog, System.out);
    }

    static List<AttributedRevenue> run(Path warehouseFile, Path tillLog, PrintStream out) {
        try (Warehouse warehouse = Warehouse.embedded(warehouseFile)) {
            warehouse.migrate();
            Ingestion ingestion = Ingestion.on(warehouse);
            ConfigValues values = ConfigValues.of(Map.of("log_file", tillLog.toString()));

            out.println(ingestion.check("popup-store", values));
            // A first incremental sync reads only the last 30 days (initial_days): March needs a backfill.
            SyncReport report = ingestion.sync(SyncRequest.backfill("popup-store", values, MARCH));
            report.streams().forEach(out::println);

            Period march = Period.days(MARCH.from(), MARCH.toExclusive());
            List<AttributedRevenue> linear = AttributionQueries.on(warehouse)
                    .revenue(AttributionModel.LINEAR, GroupBy.CHANNEL, march);
            out.println("Linear attribution by channel, March 2026:");
            linear.forEach(row -> out.printf("  %-10s %s conversions  %s %s%n", row.groupKey(),
                    row.attributedConversions().toPlainString(), row.attributedRevenue().toPlainString(), row.currency()));
            return linear;
        }
    }

    private PopupAnalytics() {
    }
}
