package org.unifiedanalytics.query.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.ScratchDirectory;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.query.importer.CsvImporter;
import org.unifiedanalytics.query.importer.CsvKind;
import org.unifiedanalytics.query.importer.ImportResult;

/**
 * How big the embedded warehouse's file gets: the 1,000,000-touchpoint, 100,000-conversion data set (the
 * attribution benchmark's) imported from CSV through {@link CsvImporter}, then the file's size while open, after
 * {@link Warehouse#close()}, and after H2's own {@code SHUTDOWN COMPACT}, beside the same tables and indexes in
 * PostgreSQL, measured in the same run; and the import's rate.
 *
 * <p>{@code mvn -pl analytics-query -am -Pbenchmark-embedded-size verify -DskipTests [-Dbenchmark.touchpoints=1000000]}
 */
public final class EmbeddedSizeBenchmark {
    private static final String[] CHANNELS = {"tiktok", "tiktok_shop", "email", "instagram", "organic_search", "direct",
            "referral"};
    private static final String[] TYPES = {"video_view", "video_view", "video_view", "like", "profile_visit", "product_click",
            "session", "session", "add_to_cart", "checkout", "email_click"};

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int touches = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        List<String> databases = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2", "postgres");
        try (ScratchDirectory scratch = ScratchDirectory.create("embedded-size")) {
            run(scratch.path(), touches, databases);
        }
    }

    private static void run(Path dir, int touches, List<String> databases) throws Exception {
        Path touchCsv = dir.resolve("touchpoints.csv");
        Path conversionCsv = dir.resolve("conversions.csv");
        writeCsv(touchCsv, conversionCsv, touches, touches / 10, touches / 10);
        System.out.printf(Locale.ROOT, "Embedded size benchmark: %,d touchpoints, %,d conversions; CSV %s + %s; %d cores%n",
                touches, touches / 10, mib(Files.size(touchCsv)), mib(Files.size(conversionCsv)),
                Runtime.getRuntime().availableProcessors());
        for (String database : databases) {
            if (database.equals("h2")) {
                uncompacted(dir, touchCsv, conversionCsv);
                embedded(dir, touchCsv, conversionCsv);
            } else {
                postgres(touchCsv, conversionCsv);
            }
        }
    }

    private static void embedded(Path dir, Path touchCsv, Path conversionCsv) throws Exception {
        Path file = dir.resolve("warehouse");
        Path mv = dir.resolve("warehouse.mv.db");
        double seconds;
        long open;
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            warehouse.migrate();
            seconds = importBoth(warehouse, touchCsv, conversionCsv);
            open = Files.size(mv);
        }
        long closed = Files.size(mv);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(mv);
        System.out.printf(Locale.ROOT, "H2 (file): import %.1f s (%,.0f rows/s); file %s open after import, %s after close,"
                        + " %s after SHUTDOWN COMPACT; open / compacted %.2f, closed / compacted %.2f%n",
                seconds, rows(touchCsv, conversionCsv) / seconds, mib(open), mib(closed), mib(compacted),
                (double) open / compacted, (double) closed / compacted);
    }

    /**
     * The baseline: the same import into the same kind of file, on a pool the warehouse does not own, so it is not
     * compacted (as every import was before the SDK compacted).
     */
    private static void uncompacted(Path dir, Path touchCsv, Path conversionCsv) throws Exception {
        Path mv = dir.resolve("baseline.mv.db");
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("baseline").toAbsolutePath() + ";MAX_COMPACT_TIME=0");
        double seconds;
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
             Warehouse warehouse = Warehouse.connect(pool)) {
            warehouse.migrate();
            seconds = importBoth(warehouse, touchCsv, conversionCsv);
            System.out.printf(Locale.ROOT, "H2 (file, never compacted): import %.1f s (%,.0f rows/s); file %s after import%n",
                    seconds, rows(touchCsv, conversionCsv) / seconds, mib(Files.size(mv)));
        }
        Files.deleteIfExists(mv);
    }

    private static void postgres(Path touchCsv, Path conversionCsv) throws Exception {
        String schema = "bench_size";
        try (Warehouse warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema(schema).build()) {
            try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            warehouse.migrate();
            double seconds = importBoth(warehouse, touchCsv, conversionCsv);
            try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE " + schema + ".touchpoint");
                s.execute("VACUUM ANALYZE " + schema + ".conversion");
                try (ResultSet r = s.executeQuery("SELECT pg_total_relation_size('" + schema + ".touchpoint')"
                        + " + pg_total_relation_size('" + schema + ".conversion')")) {
                    r.next();
                    System.out.printf(Locale.ROOT, "PostgreSQL: import %.1f s (%,.0f rows/s); touchpoint and conversion with"
                            + " their indexes %s%n", seconds, rows(touchCsv, conversionCsv) / seconds, mib(r.getLong(1)));
                }
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static double importBoth(Warehouse warehouse, Path touchCsv, Path conversionCsv) {
        long start = System.nanoTime();
        CsvImporter importer = CsvImporter.on(warehouse);
        Duration compacting = Duration.ZERO;
        for (ImportResult result : List.of(importer.importFile(CsvKind.TOUCHPOINTS, touchCsv, false),
                importer.importFile(CsvKind.CONVERSIONS, conversionCsv, false))) {
            if (result.compaction().isPresent()) {
                System.out.printf(Locale.ROOT, "  compacted after the %s import: %s%n", result.kind(), result.compaction().get());
                compacting = compacting.plus(result.compaction().get().took());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!compacting.isZero()) {
            System.out.printf(Locale.ROOT, "  import %.1f s, of which compacting %.1f s (%.1f%%)%n", seconds,
                    compacting.toMillis() / 1000.0, compacting.toMillis() / 10.0 / seconds);
        }
        return seconds;
    }

    private static long rows(Path touchCsv, Path conversionCsv) throws IOException {
        try (var a = Files.lines(touchCsv); var b = Files.lines(conversionCsv)) {
            return a.count() + b.count() - 2;
        }
    }

    static void writeCsv(Path touchCsv, Path conversionCsv, int touches, int customers, int conversions) throws IOException {
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long span = Duration.ofDays(180).getSeconds();
        try (BufferedWriter out = Files.newBufferedWriter(touchCsv, StandardCharsets.UTF_8)) {
            out.write("touchpoint_id,customer_key,occurred_at,touch_type,channel\n");
            for (int i = 1; i <= touches; i++) {
                out.write(i + ",c" + random.nextInt(customers) + "," + start.plusSeconds((long) (random.nextDouble() * span)) + ","
                        + TYPES[random.nextInt(TYPES.length)] + "," + CHANNELS[random.nextInt(CHANNELS.length)] + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(conversionCsv, StandardCharsets.UTF_8)) {
            out.write("conversion_id,customer_key,occurred_at,revenue,currency\n");
            for (int i = 1; i <= conversions; i++) {
                out.write(i + "," + (random.nextInt(20) == 0 ? "" : "c" + random.nextInt(customers)) + ","
                        + start.plusSeconds((long) (random.nextDouble() * span)) + ","
                        + java.math.BigDecimal.valueOf(random.nextInt(20_000_000), 4).toPlainString() + ","
                        + (random.nextInt(10) == 0 ? "USD" : "EUR") + "\n");
            }
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }
}
