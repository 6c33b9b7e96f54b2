package org.unifiedanalytics.model.benchmark;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.testing.ScratchDirectory;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * Writes 1,000,000 orders and 1,000,000 daily content-metric rows through the SDK's writers and, in
 * the same run, through a hand-written raw-JDBC batched upsert of the same records, on H2 (an embedded
 * file) and on PostgreSQL. The two paths alternate segment by segment so that the machine's noise hits
 * both alike; the report gives each path's median rows/s over the segments and their ratio.
 *
 * <p>Run on demand, with a bounded heap: {@code mvn -pl analytics-model -am -Pbenchmark-writers verify -DskipTests}
 * (see docs/benchmarks.md). Arguments: rows per kind (default 1,000,000), databases (default h2,postgres).
 */
public final class WriterBenchmark {

    private static final int CHUNK = 5_000;
    private static final int SEGMENTS = 10;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        List<String> databases = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2", "postgres");
        System.out.printf(Locale.ROOT, "Writer benchmark: %,d rows per kind, %d segments, chunks of %,d rows, max heap %d MiB, %d cores%n",
                rows, SEGMENTS, CHUNK, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (String database : databases) {
            try (Target sdk = Target.open(database, "sdk"); Target raw = Target.open(database, "raw")) {
                if (database.equals("postgres")) {
                    // on PostgreSQL the yardstick is the fastest hand-written path: COPY into staging, one merge
                    run("orders", rows, WriterBenchmark::order, sdk, raw, RawCopy::writeOrders);
                    run("content metrics", rows, WriterBenchmark::contentMetrics, sdk, raw, RawCopy::writeContentMetrics);
                } else {
                    run("orders", rows, WriterBenchmark::order, sdk, raw, RawJdbc::writeOrders);
                    run("content metrics", rows, WriterBenchmark::contentMetrics, sdk, raw, RawJdbc::writeContentMetrics);
                }
            }
        }
    }

    private static <R extends WarehouseRecord> void run(String kind, int rows, IntFunction<R> make, Target sdk, Target raw,
                                                        RawWriter<R> rawWriter) throws Exception {
        int perSegment = rows / SEGMENTS;
        double[] sdkRates = new double[SEGMENTS];
        double[] rawRates = new double[SEGMENTS];
        long peakHeap = 0;
        for (int segment = 0; segment < SEGMENTS; segment++) {
            int first = segment * perSegment;
            // Alternate which path goes first, so neither always meets a warmer cache.
            boolean sdkFirst = segment % 2 == 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean isSdk = (pass == 0) == sdkFirst;
                long nanos = 0;
                for (int start = first; start < first + perSegment; start += CHUNK) {
                    List<R> chunk = new ArrayList<>(CHUNK);
                    for (int i = start; i < Math.min(start + CHUNK, first + perSegment); i++) {
                        chunk.add(make.apply(i));
                    }
                    long t0 = System.nanoTime();
                    if (isSdk) {
                        sdk.warehouse.write(chunk);
                    } else {
                        try (Connection c = raw.warehouse.dataSource().getConnection()) {
                            c.setAutoCommit(false);
                            rawWriter.write(c, raw.warehouse.dialect(), raw.warehouse.schema(), chunk);
                            c.commit();
                        }
                    }
                    nanos += System.nanoTime() - t0;
                }
                double rate = perSegment / (nanos / 1e9);
                (isSdk ? sdkRates : rawRates)[segment] = rate;
                Runtime rt = Runtime.getRuntime();
                peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            }
        }
        double sdkMedian = median(sdkRates);
        double rawMedian = median(rawRates);
        System.out.printf(Locale.ROOT, "%-9s %-16s SDK %,9.0f rows/s   %s %,9.0f rows/s   ratio %.2f   (segments: SDK %s; raw %s; heap seen %d MiB)%n",
                sdk.warehouse.dialect(), kind, sdkMedian,
                sdk.warehouse.dialect() == WarehouseDialect.POSTGRES ? "hand-written COPY+merge" : "raw JDBC upsert",
                rawMedian, sdkMedian / rawMedian, range(sdkRates),
                range(rawRates), peakHeap >> 20);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%,.0f-%,.0f", sorted[0], sorted[sorted.length - 1]);
    }

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final CustomerKey[] CUSTOMERS = new CustomerKey[1000];

    static {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            CUSTOMERS[i] = CustomerKey.fromEmail("customer" + i + "@example.com");
        }
    }

    static SalesOrder order(int i) {
        Money total = Money.of(BigDecimal.valueOf(1000 + i % 9000, 2), "EUR");
        Money zero = Money.of(BigDecimal.ZERO, "EUR");
        Instant created = BASE.plusSeconds(i * 17L);
        return new SalesOrder("shopify", "gid://shopify/Order/" + (5_000_000_000L + i), "store-1", "#" + (1000 + i),
                created, created.plusSeconds(120), null, "paid", "fulfilled", total, zero, zero, zero, total, zero,
                CUSTOMERS[i % CUSTOMERS.length], new Utm("tiktok", "social", "spring-" + (i % 7), "vid-" + (i % 300), null),
                "https://www.tiktok.com/", "/products/mug?utm_source=tiktok", "vid-" + (i % 300));
    }

    static ContentMetrics contentMetrics(int i) {
        long views = 1000L + i % 50_000;
        return new ContentMetrics("tiktok", "73" + (10_000_000 + i / 365), LocalDate.of(2024, 1, 1).plusDays(i % 365),
                "acc-1", Counting.LIFETIME, views, views / 2, views / 10, 30L, 20L, 10L, 50L, 40L, 60L,
                BigDecimal.valueOf(views * 7, 1), new BigDecimal("0.4200"), 3L, null, null, null, null, BASE);
    }

    @FunctionalInterface
    interface RawWriter<R> {
        void write(Connection connection, WarehouseDialect dialect, String schema, List<R> records) throws SQLException;
    }

    /** A fresh warehouse for one path of the benchmark, and what removes it afterwards. */
    private record Target(Warehouse warehouse, Runnable cleanUp) implements AutoCloseable {
        static Target open(String database, String name) throws Exception {
            if (database.equals("h2")) {
                ScratchDirectory dir = ScratchDirectory.create("ua-bench-");
                Warehouse warehouse = Warehouse.embedded(dir.path().resolve(name));
                warehouse.migrate();
                return new Target(warehouse, dir::close);
            }
            TestDatabase.requirePostgres();
            String schema = "bench_" + name;
            Warehouse warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                    .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema(schema).build();
            execute(warehouse, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            warehouse.migrate();
            return new Target(warehouse, () -> execute(warehouse, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }

        @Override
        public void close() {
            // an embedded file is deleted after its pool closes, a PostgreSQL schema dropped before
            if (warehouse.location().embeddedFile().isPresent()) {
                warehouse.close();
                cleanUp.run();
            } else {
                try {
                    cleanUp.run();
                } finally {
                    warehouse.close();
                }
            }
        }

        private static void execute(Warehouse warehouse, String sql) {
            try (Connection c = warehouse.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The baseline: upserts written by hand, bound column by column, batched like the SDK's. */
    static final class RawJdbc {
        private static final int BATCH = 1_000;

        static void writeOrders(Connection c, WarehouseDialect dialect, String schema, List<SalesOrder> orders) throws SQLException {
            String columns = "source_platform, order_id, store_id, order_number, created_at, updated_at, cancelled_at, "
                    + "financial_status, fulfillment_status, currency, subtotal, discounts, shipping, tax, total, refunded, "
                    + "customer_key, utm_source, utm_medium, utm_campaign, utm_content, utm_term, referring_site, "
                    + "landing_page, attributed_content_id";
            String sql = upsert(dialect, schema + ".sales_order", columns, "source_platform, order_id", 25);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (SalesOrder o : orders) {
                    ps.setString(1, o.sourcePlatform());
                    ps.setString(2, o.orderId());
                    ps.setString(3, o.storeId());
                    ps.setString(4, o.orderNumber());
                    ps.setTimestamp(5, ts(o.createdAt()));
                    ps.setTimestamp(6, ts(o.updatedAt()));
                    ps.setTimestamp(7, ts(o.cancelledAt()));
                    ps.setString(8, o.financialStatus());
                    ps.setString(9, o.fulfillmentStatus());
                    ps.setString(10, o.total().currencyCode());
                    ps.setBigDecimal(11, o.subtotal().amount());
                    ps.setBigDecimal(12, o.discounts().amount());
                    ps.setBigDecimal(13, o.shipping().amount());
                    ps.setBigDecimal(14, o.tax().amount());
                    ps.setBigDecimal(15, o.total().amount());
                    ps.setBigDecimal(16, o.refunded().amount());
                    ps.setString(17, o.customerKey() == null ? null : o.customerKey().value());
                    ps.setString(18, o.utm().source());
                    ps.setString(19, o.utm().medium());
                    ps.setString(20, o.utm().campaign());
                    ps.setString(21, o.utm().content());
                    ps.setString(22, o.utm().term());
                    ps.setString(23, o.referringSite());
                    ps.setString(24, o.landingPage());
                    ps.setString(25, o.attributedContentId());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }

        static void writeContentMetrics(Connection c, WarehouseDialect dialect, String schema, List<ContentMetrics> rows)
                throws SQLException {
            String columns = "platform, content_id, report_date, account_id, counting, views, reach, likes, comments, "
                    + "shares, saves, profile_visits, link_clicks, product_clicks, watch_time_seconds, completion_rate, "
                    + "followers_gained, attributed_gmv, gmv_currency, fetched_at";
            String sql = upsert(dialect, schema + ".content_metric_daily", columns, "platform, content_id, report_date", 20);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (ContentMetrics m : rows) {
                    ps.setString(1, m.platform());
                    ps.setString(2, m.contentId());
                    ps.setObject(3, m.reportDate());
                    ps.setString(4, m.accountId());
                    ps.setString(5, m.counting().sqlValue());
                    ps.setLong(6, m.views());
                    ps.setLong(7, m.reach());
                    ps.setLong(8, m.likes());
                    ps.setLong(9, m.comments());
                    ps.setLong(10, m.shares());
                    ps.setLong(11, m.saves());
                    ps.setLong(12, m.profileVisits());
                    ps.setLong(13, m.linkClicks());
                    ps.setLong(14, m.productClicks());
                    ps.setBigDecimal(15, m.watchTimeSeconds());
                    ps.setBigDecimal(16, m.completionRate());
                    ps.setLong(17, m.followersGained());
                    ps.setNull(18, Types.NUMERIC);
                    ps.setNull(19, Types.CHAR);
                    ps.setTimestamp(20, ts(m.fetchedAt()));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }

        private static String upsert(WarehouseDialect dialect, String table, String columns, String keys, int count) {
            String marks = String.join(", ", java.util.Collections.nCopies(count, "?"));
            if (dialect == WarehouseDialect.H2) {
                return "MERGE INTO " + table + " (" + columns + ") KEY (" + keys + ") VALUES (" + marks + ")";
            }
            StringBuilder set = new StringBuilder();
            List<String> keyList = Arrays.stream(keys.split(",")).map(String::trim).toList();
            for (String column : columns.split(",")) {
                String name = column.trim();
                if (!keyList.contains(name)) {
                    set.append(set.isEmpty() ? "" : ", ").append(name).append(" = EXCLUDED.").append(name);
                }
            }
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT (" + keys
                    + ") DO UPDATE SET " + set;
        }

        /** UTC wall time, as the warehouse stores instants; done without the JVM zone, like the SDK. */
        private static Timestamp ts(Instant instant) {
            return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /**
     * The PostgreSQL yardstick written by hand: the chunk as CSV through pgJDBC's CopyManager into a temporary staging
     * table, then one INSERT ... SELECT ... ON CONFLICT DO UPDATE into the identically indexed table.
     */
    static final class RawCopy {
        static void writeOrders(Connection c, WarehouseDialect dialect, String schema, List<SalesOrder> orders) throws SQLException {
            String columns = "source_platform, order_id, store_id, order_number, created_at, updated_at, cancelled_at, "
                    + "financial_status, fulfillment_status, currency, subtotal, discounts, shipping, tax, total, refunded, "
                    + "customer_key, utm_source, utm_medium, utm_campaign, utm_content, utm_term, referring_site, "
                    + "landing_page, attributed_content_id";
            StringBuilder csv = new StringBuilder(orders.size() * 300);
            for (SalesOrder o : orders) {
                line(csv, o.sourcePlatform(), o.orderId(), o.storeId(), o.orderNumber(), utc(o.createdAt()), utc(o.updatedAt()),
                        utc(o.cancelledAt()), o.financialStatus(), o.fulfillmentStatus(), o.total().currencyCode(),
                        o.subtotal().amount(), o.discounts().amount(), o.shipping().amount(), o.tax().amount(),
                        o.total().amount(), o.refunded().amount(), o.customerKey() == null ? null : o.customerKey().value(),
                        o.utm().source(), o.utm().medium(), o.utm().campaign(), o.utm().content(), o.utm().term(),
                        o.referringSite(), o.landingPage(), o.attributedContentId());
            }
            copyAndMerge(c, schema, "sales_order", columns, "source_platform, order_id", csv);
        }

        static void writeContentMetrics(Connection c, WarehouseDialect dialect, String schema, List<ContentMetrics> rows)
                throws SQLException {
            String columns = "platform, content_id, report_date, account_id, counting, views, reach, likes, comments, "
                    + "shares, saves, profile_visits, link_clicks, product_clicks, watch_time_seconds, completion_rate, "
                    + "followers_gained, attributed_gmv, gmv_currency, fetched_at";
            StringBuilder csv = new StringBuilder(rows.size() * 200);
            for (ContentMetrics m : rows) {
                line(csv, m.platform(), m.contentId(), m.reportDate(), m.accountId(), m.counting().sqlValue(), m.views(), m.reach(),
                        m.likes(), m.comments(), m.shares(), m.saves(), m.profileVisits(), m.linkClicks(), m.productClicks(),
                        m.watchTimeSeconds(), m.completionRate(), m.followersGained(), null, null, utc(m.fetchedAt()));
            }
            copyAndMerge(c, schema, "content_metric_daily", columns, "platform, content_id, report_date", csv);
        }

        private static void copyAndMerge(Connection c, String schema, String table, String columns, String keys, StringBuilder csv)
                throws SQLException {
            String staging = "raw_stage_" + table;
            try (var statement = c.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " ON COMMIT DELETE ROWS AS SELECT "
                        + columns + " FROM " + schema + "." + table + " WITH NO DATA");
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY " + staging + " (" + columns
                        + ") FROM STDIN (FORMAT csv)", new java.io.StringReader(csv.toString()));
                String set = Arrays.stream(columns.split(",")).map(String::trim)
                        .filter(n -> !Arrays.stream(keys.split(",")).map(String::trim).toList().contains(n))
                        .map(n -> n + " = EXCLUDED." + n).collect(java.util.stream.Collectors.joining(", "));
                statement.executeUpdate("INSERT INTO " + schema + "." + table + " (" + columns + ") SELECT " + columns + " FROM "
                        + staging + " ON CONFLICT (" + keys + ") DO UPDATE SET " + set);
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }

        private static void line(StringBuilder csv, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = values[i];
                if (v instanceof String text) {
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else if (v instanceof BigDecimal d) {
                    csv.append(d.toPlainString());
                } else if (v != null) {
                    csv.append(v);
                }
            }
            csv.append('\n');
        }

        private static LocalDateTime utc(Instant instant) {
            return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }

    private WriterBenchmark() {
    }
}
