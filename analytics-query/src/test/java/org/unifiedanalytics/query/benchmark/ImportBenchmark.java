package org.unifiedanalytics.query.benchmark;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.ScratchDirectory;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.query.importer.CsvImporter;
import org.unifiedanalytics.query.importer.CsvKind;

/**
 * The CSV import into PostgreSQL beside its yardstick: the attribution benchmark's data set (1,000,000 touchpoints,
 * 100,000 conversions) imported with {@link CsvImporter} (what the CLI's {@code import} runs), and the same files
 * loaded by hand: per file one {@code COPY} into a temporary staging table and one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} into identically indexed tables (the SDK's own migrated
 * schema). The two alternate, each into a fresh schema, over several rounds; the report gives the medians and their
 * ratio.
 *
 * <p>{@code mvn -pl analytics-query -am -Pbenchmark-import verify -DskipTests [-Dbenchmark.touchpoints=1000000 -Dbenchmark.rounds=3]}
 */
public final class ImportBenchmark {
    private static final String SCHEMA = "bench_import";

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int touches = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ScratchDirectory scratch = ScratchDirectory.create("import-benchmark")) {
            Path touchCsv = scratch.path().resolve("touchpoints.csv");
            Path conversionCsv = scratch.path().resolve("conversions.csv");
            EmbeddedSizeBenchmark.writeCsv(touchCsv, conversionCsv, touches, touches / 10, touches / 10);
            System.out.printf(Locale.ROOT, "Import benchmark (PostgreSQL): %,d touchpoints, %,d conversions, %d rounds,"
                    + " max heap %d MiB, %d cores%n", touches, touches / 10, rounds,
                    Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors());
            List<Double> sdk = new ArrayList<>();
            List<Double> byHand = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // alternating which goes first, so that neither always meets a warmer server
                if (round % 2 == 1) {
                    sdk.add(sdk(touchCsv, conversionCsv));
                    byHand.add(byHand(touchCsv, conversionCsv));
                } else {
                    byHand.add(byHand(touchCsv, conversionCsv));
                    sdk.add(sdk(touchCsv, conversionCsv));
                }
                System.out.printf(Locale.ROOT, "  round %d: SDK %.1f s, hand-written COPY + merge %.1f s%n", round,
                        sdk.get(round - 1), byHand.get(round - 1));
            }
            long rows = touches + touches / 10L;
            double sdkMedian = median(sdk);
            double byHandMedian = median(byHand);
            System.out.printf(Locale.ROOT, "SDK import: median %.1f s (%,.0f rows/s); hand-written COPY + merge: median %.1f s"
                            + " (%,.0f rows/s); SDK time / hand-written time %.2f%n", sdkMedian, rows / sdkMedian, byHandMedian,
                    rows / byHandMedian, sdkMedian / byHandMedian);
        }
    }

    private static double sdk(Path touchCsv, Path conversionCsv) throws Exception {
        try (Warehouse warehouse = freshWarehouse()) {
            long start = System.nanoTime();
            CsvImporter importer = CsvImporter.on(warehouse);
            importer.importFile(CsvKind.TOUCHPOINTS, touchCsv, false);
            importer.importFile(CsvKind.CONVERSIONS, conversionCsv, false);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double byHand(Path touchCsv, Path conversionCsv) throws Exception {
        // the importer's channel group for touches without source, medium and campaign, as the data set's are
        String group = ChannelClassifier.ga4Default().classify(null, null, null).name();
        try (Warehouse warehouse = freshWarehouse(); Connection c = warehouse.dataSource().getConnection()) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE stage_touch (touchpoint_id BIGINT, customer_key VARCHAR(64),"
                        + " occurred_at TIMESTAMPTZ, touch_type VARCHAR(64), channel VARCHAR(64)) ON COMMIT DROP");
                copy(c, "COPY stage_touch FROM STDIN (FORMAT csv, HEADER true)", touchCsv);
                s.executeUpdate("INSERT INTO " + SCHEMA + ".touchpoint (touchpoint_id, customer_key, occurred_at, touch_type,"
                        + " channel, channel_group, source_platform, external_id) SELECT touchpoint_id, customer_key,"
                        + " occurred_at AT TIME ZONE 'UTC', touch_type, lower(channel), '" + group + "', 'csv',"
                        + " touchpoint_id::text FROM stage_touch ON CONFLICT (touchpoint_id) DO UPDATE SET"
                        + " customer_key = EXCLUDED.customer_key, occurred_at = EXCLUDED.occurred_at,"
                        + " touch_type = EXCLUDED.touch_type, channel = EXCLUDED.channel, channel_group = EXCLUDED.channel_group");
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE stage_conversion (conversion_id BIGINT, customer_key VARCHAR(64),"
                        + " occurred_at TIMESTAMPTZ, revenue NUMERIC(18,4), currency CHAR(3)) ON COMMIT DROP");
                copy(c, "COPY stage_conversion FROM STDIN (FORMAT csv, HEADER true)", conversionCsv);
                s.executeUpdate("INSERT INTO " + SCHEMA + ".conversion (conversion_id, customer_key, occurred_at, revenue,"
                        + " currency, conversion_type, source_platform, external_id) SELECT conversion_id, customer_key,"
                        + " occurred_at AT TIME ZONE 'UTC', revenue, currency, 'order', 'csv', conversion_id::text"
                        + " FROM stage_conversion ON CONFLICT (conversion_id) DO UPDATE SET customer_key = EXCLUDED.customer_key,"
                        + " occurred_at = EXCLUDED.occurred_at, revenue = EXCLUDED.revenue, currency = EXCLUDED.currency");
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void copy(Connection c, String sql, Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader);
        }
    }

    private static Warehouse freshWarehouse() throws Exception {
        Warehouse warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema(SCHEMA).build();
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        warehouse.migrate();
        return warehouse;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
