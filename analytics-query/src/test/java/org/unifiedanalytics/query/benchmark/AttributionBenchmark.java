package org.unifiedanalytics.query.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.testing.ScratchDirectory;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.FunnelQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.JourneyStep;
import org.unifiedanalytics.query.Period;

/**
 * Times every attribution model through {@link AttributionQueries} beside a hand-written SQL baseline of
 * the same model, on generated data (default 1,000,000 touchpoints, 100,000 customers, 100,000
 * conversions), and the 5-step customer funnel. Runs alternate SDK and baseline; medians of 3.
 *
 * <p>{@code mvn -pl analytics-query -am -Pbenchmark-attribution verify -DskipTests [-Dbenchmark.databases=postgres]}
 */
public final class AttributionBenchmark {
    private static final String[] CHANNELS = {"tiktok", "tiktok_shop", "email", "instagram", "organic_search", "direct",
            "referral"};
    private static final String[] TYPES = {"video_view", "video_view", "video_view", "like", "profile_visit", "product_click",
            "session", "session", "add_to_cart", "checkout", "email_click"};
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int touches = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        List<String> databases = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("postgres", "h2");
        int customers = touches / 10;
        int conversions = touches / 10;
        System.out.printf(Locale.ROOT, "Attribution benchmark: %,d touchpoints, %,d customers, %,d conversions; median of %d; %d cores%n",
                touches, customers, conversions, RUNS, Runtime.getRuntime().availableProcessors());
        for (String database : databases) {
            Warehouse warehouse = open(database);
            try {
                long load = System.nanoTime();
                generate(warehouse, touches, customers, conversions);
                System.out.printf(Locale.ROOT, "%s: data loaded in %.1f s%n", warehouse.dialect(), (System.nanoTime() - load) / 1e9);
                AttributionQueries sdk = AttributionQueries.live(warehouse);
                HandWritten baseline = new HandWritten(warehouse);
                for (AttributionModel model : AttributionModel.values()) {
                    double[] ours = new double[RUNS];
                    double[] theirs = new double[RUNS];
                    for (int run = 0; run < RUNS; run++) {
                        theirs[run] = seconds(() -> baseline.run(model));
                        ours[run] = seconds(() -> sdk.revenue(model, GroupBy.CHANNEL, Period.all(), AttributionSettings.DEFAULTS));
                    }
                    double a = median(ours);
                    double b = median(theirs);
                    System.out.printf(Locale.ROOT, "%-9s %-16s SDK live %6.2f s   hand-written SQL %6.2f s   ratio %.2f%n",
                            warehouse.dialect(), model.specName(), a, b, a / b);
                }
                maintained(warehouse, touches, customers, conversions);
                FunnelQueries funnels = FunnelQueries.on(warehouse);
                List<JourneyStep> steps = List.of(JourneyStep.of("awareness", "video_view"),
                        JourneyStep.of("interest", "profile_visit", "product_click"), JourneyStep.of("consideration", "session"),
                        JourneyStep.of("intent", "add_to_cart", "checkout"), JourneyStep.of("purchase", JourneyStep.PURCHASE));
                double[] funnel = new double[RUNS];
                double[] marketing = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    funnel[run] = seconds(() -> funnels.journey(steps, Duration.ofDays(14), Period.all()));
                    marketing[run] = seconds(() -> funnels.marketingFunnel(Period.all()));
                }
                System.out.printf(Locale.ROOT, "%-9s %-16s SDK %6.2f s%n", warehouse.dialect(), "ordered funnel", median(funnel));
                System.out.printf(Locale.ROOT, "%-9s %-16s SDK %6.2f s%n", warehouse.dialect(), "marketing funnel", median(marketing));
            } finally {
                drop(warehouse);
                warehouse.close();
                // its hundreds of MiB of H2 file go with it
                warehouse.location().embeddedFile().ifPresent(file -> ScratchDirectory.deleteTree(file.getParent()));
            }
        }
    }

    /**
     * Maintained credits: the full computation of every model and grouping, queries from the rollup beside the live
     * SQL, and the refresh after a day's new data (1% more touchpoints and conversions, written through the SDK).
     */
    private static void maintained(Warehouse warehouse, int touches, int customers, int conversions) {
        AttributionQueries maintained = AttributionQueries.on(warehouse);
        AttributionQueries live = AttributionQueries.live(warehouse);
        double full = seconds(maintained::refresh);
        System.out.printf(Locale.ROOT, "%-9s full computation of 6 models x 3 groupings: %6.2f s%n", warehouse.dialect(), full);
        // H2 reuses the result of a query it has run on unchanged tables: each query here is asked once, first time
        for (GroupBy groupBy : GroupBy.values()) {
            for (String kind : List.of("all", "a month", "partial")) {
                double[] models = new double[AttributionModel.values().length];
                for (AttributionModel model : AttributionModel.values()) {
                    models[model.ordinal()] = seconds(() -> maintained.revenue(model, groupBy, period(kind, 0)));
                }
                double sideBySide = seconds(() -> maintained.compare(groupBy, period(kind, 1)));
                System.out.printf(Locale.ROOT, "%-9s maintained by %-16s over %-7s median model %6.3f s   slowest %6.3f s   "
                                + "six models %6.3f s%n", warehouse.dialect(), groupBy, kind, median(models),
                        Arrays.stream(models).max().orElseThrow(), sideBySide);
            }
        }
        // a day's new data: 1% more touchpoints and conversions, on the day after the last
        Random random = new Random(7);
        Instant day = Instant.parse("2025-07-01T00:00:00Z");
        List<org.unifiedanalytics.model.records.WarehouseRecord> news = new ArrayList<>();
        for (int i = 0; i < touches / 100; i++) {
            news.add(new org.unifiedanalytics.model.records.Touchpoint("bench", "new" + i,
                        org.unifiedanalytics.model.values.CustomerKey.of("c" + random.nextInt(customers)),
                        day.plusSeconds(random.nextInt(86_400)), "session", CHANNELS[random.nextInt(CHANNELS.length)],
                        org.unifiedanalytics.model.values.ChannelGroup.UNASSIGNED, null, null, null, null));
        }
        for (int i = 0; i < conversions / 100; i++) {
            news.add(new org.unifiedanalytics.model.records.Conversion("bench", "new" + i,
                    org.unifiedanalytics.model.values.CustomerKey.of("c" + random.nextInt(customers)),
                    day.plusSeconds(random.nextInt(86_400)), org.unifiedanalytics.model.values.Money.of("25.00", "EUR"), "order"));
        }
        double written = seconds(() -> warehouse.write(news));
        System.out.printf(Locale.ROOT, "%-9s a day's new data written through the SDK in %6.2f s%n", warehouse.dialect(), written);
        long started = System.nanoTime();
        var refresh = maintained.refresh();
        double incremental = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-9s refresh after a day's new data (%,d records): %6.2f s, %,d conversions recomputed, "
                        + "%.1f%% of the full computation%n", warehouse.dialect(), news.size(), incremental,
                refresh.conversionsRecomputed(), 100 * incremental / full);
        for (AttributionModel model : AttributionModel.values()) {
            if (!maintained.revenue(model, GroupBy.CHANNEL, Period.all()).equals(live.revenue(model, GroupBy.CHANNEL, Period.all()))) {
                throw new IllegalStateException("maintained credits differ from the live SQL for " + model);
            }
        }
        System.out.printf(Locale.ROOT, "%-9s after the refresh every model equals the live SQL, by channel%n", warehouse.dialect());
    }

    /** A period of the kind, moved by {@code shift} days (or seconds, for everything) so that no two are the same query. */
    private static Period period(String kind, int shift) {
        return switch (kind) {
            case "all" -> shift == 0 ? Period.all() : new Period(Instant.EPOCH.plusSeconds(shift), Period.all().to());
            case "a month" -> Period.days(java.time.LocalDate.of(2025, 3, 1).plusDays(shift), java.time.LocalDate.of(2025, 3, 31).plusDays(shift));
            default -> new Period(Instant.parse("2025-02-10T13:30:00Z").plus(Duration.ofDays(shift)),
                    Instant.parse("2025-05-02T08:00:00Z").plus(Duration.ofDays(shift)));
        };
    }

    private static Warehouse open(String database) throws Exception {
        Warehouse warehouse;
        if (database.equals("h2")) {
            warehouse = Warehouse.builder().embedded(ScratchDirectory.create("ua-attr-bench").path().resolve("bench")).build();
        } else {
            TestDatabase.requirePostgres();
            warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                    .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema("bench_attribution").build();
            drop(warehouse);
        }
        warehouse.migrate();
        return warehouse;
    }

    private static void drop(Warehouse warehouse) throws Exception {
        if (warehouse.dialect() == WarehouseDialect.POSTGRES) {
            try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + warehouse.schema() + " CASCADE");
            }
        }
    }

    private static void generate(Warehouse warehouse, int touches, int customers, int conversions) throws Exception {
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long span = Duration.ofDays(180).getSeconds();
        String schema = warehouse.schema();
        try (Connection c = warehouse.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".touchpoint (touchpoint_id, customer_key, "
                    + "occurred_at, touch_type, channel, channel_group, source_platform, external_id, campaign, content_id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= touches; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "c" + random.nextInt(customers));
                    ps.setTimestamp(3, ts(start.plusSeconds((long) (random.nextDouble() * span)).plusNanos(random.nextInt(1000) * 1000L)));
                    ps.setString(4, TYPES[random.nextInt(TYPES.length)]);
                    ps.setString(5, CHANNELS[random.nextInt(CHANNELS.length)]);
                    ps.setString(6, "Unassigned");
                    ps.setString(7, "bench");
                    ps.setString(8, String.valueOf(i));
                    // 40 campaigns and 500 videos, so that the groupings by campaign and by content have many groups
                    ps.setString(9, random.nextInt(10) < 7 ? "campaign" + random.nextInt(40) : null);
                    ps.setString(10, random.nextInt(10) < 3 ? "video" + random.nextInt(500) : null);
                    ps.addBatch();
                    if (i % 5_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".conversion (conversion_id, customer_key, "
                    + "occurred_at, revenue, currency, conversion_type, source_platform, external_id) VALUES (?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= conversions; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, random.nextInt(20) == 0 ? null : "c" + random.nextInt(customers));
                    ps.setTimestamp(3, ts(start.plusSeconds((long) (random.nextDouble() * span))));
                    ps.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(20_000_000), 4));
                    ps.setString(5, random.nextInt(10) == 0 ? "USD" : "EUR");
                    ps.setString(6, "order");
                    ps.setString(7, "bench");
                    ps.setString(8, String.valueOf(i));
                    ps.addBatch();
                    if (i % 5_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            // explicit ids: the identities continue above them, so that rows the SDK adds later never collide
            try (Statement s = c.createStatement()) {
                if (warehouse.dialect() == WarehouseDialect.POSTGRES) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + schema + ".touchpoint', 'touchpoint_id'), " + touches + ")");
                    s.execute("SELECT setval(pg_get_serial_sequence('" + schema + ".conversion', 'conversion_id'), " + conversions + ")");
                } else {
                    s.execute("ALTER TABLE " + schema + ".touchpoint ALTER COLUMN touchpoint_id RESTART WITH " + (touches + 1));
                    s.execute("ALTER TABLE " + schema + ".conversion ALTER COLUMN conversion_id RESTART WITH " + (conversions + 1));
                }
            }
            c.commit();
            if (warehouse.dialect() == WarehouseDialect.POSTGRES) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + schema + ".touchpoint");
                    s.execute("ANALYZE " + schema + ".conversion");
                }
                c.commit();
            }
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static double seconds(Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The same models written as plain SQL text, as a person would for one database: the baseline. */
    static final class HandWritten {
        private final Warehouse warehouse;

        HandWritten(Warehouse warehouse) {
            this.warehouse = warehouse;
        }

        List<Object[]> run(AttributionModel model) {
            String sql = sql(model);
            List<Object[]> rows = new ArrayList<>();
            try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)});
                }
            } catch (Exception e) {
                throw new IllegalStateException(model + ": " + e.getMessage() + "\n" + sql, e);
            }
            return rows;
        }

        private String sql(AttributionModel model) {
            boolean pg = warehouse.dialect() == WarehouseDialect.POSTGRES;
            String s = warehouse.schema();
            String windowStart = pg ? "c.occurred_at - interval '30 days'" : "DATEADD(SECOND, -2592000, c.occurred_at)";
            String age = pg ? "extract(epoch from (c.occurred_at - t.occurred_at))::float8"
                    : "CAST(DATEDIFF(MICROSECOND, t.occurred_at, c.occurred_at) AS DOUBLE PRECISION) / 1000000";
            String collate = pg ? " COLLATE \"C\"" : "";
            String path = "path AS (SELECT c.conversion_id cid, c.currency cur, CAST(c.revenue * 10000 AS BIGINT) u,"
                    + " t.touchpoint_id tid, t.occurred_at ts, t.channel ch,"
                    + " CASE WHEN t.touchpoint_id IS NULL THEN '(direct)' ELSE t.channel END gk, " + age + " age,"
                    + " row_number() OVER (PARTITION BY c.conversion_id ORDER BY t.occurred_at DESC, t.touchpoint_id DESC) rn,"
                    + " count(t.touchpoint_id) OVER (PARTITION BY c.conversion_id) n"
                    + " FROM " + s + ".conversion c LEFT JOIN " + s + ".touchpoint t ON t.customer_key = c.customer_key"
                    + " AND t.occurred_at >= " + windowStart + " AND t.occurred_at < c.occurred_at)";
            String split = "alloc AS (SELECT cur, gk, share, base + CASE WHEN row_number() OVER (PARTITION BY cid ORDER BY rem DESC, gk"
                    + collate + ") <= u - sum(base) OVER (PARTITION BY cid) THEN 1 ELSE 0 END units FROM parts)"
                    + " SELECT cur, gk, sum(units), sum(share) FROM alloc GROUP BY cur, gk";
            if (model == AttributionModel.TIME_DECAY) {
                return "WITH " + path + ", w AS (SELECT cid, cur, u, gk, CASE WHEN tid IS NULL THEN CAST(1 AS DOUBLE PRECISION) ELSE"
                        + " CAST(POWER(CAST(2 AS DOUBLE PRECISION), -(age - min(age) OVER (PARTITION BY cid))"
                        + " / CAST(604800 AS DOUBLE PRECISION)) AS DOUBLE PRECISION) END w FROM path),"
                        + " q AS (SELECT cid, cur, u, gk, CAST(w / sum(w) OVER (PARTITION BY cid) AS DOUBLE PRECISION) q FROM w),"
                        + " g AS (SELECT cid, cur, u, gk, CAST(sum(q) AS DOUBLE PRECISION) qg FROM q GROUP BY cid, cur, u, gk),"
                        + " parts AS (SELECT cid, cur, gk, u, CAST(FLOOR(CAST(u AS DOUBLE PRECISION) * qg) AS BIGINT) base,"
                        + " CAST(CAST(u AS DOUBLE PRECISION) * qg - FLOOR(CAST(u AS DOUBLE PRECISION) * qg) AS DOUBLE PRECISION) rem,"
                        + " qg share FROM g), " + split;
            }
            String num;
            String den;
            switch (model) {
                case FIRST_TOUCH -> { num = "CASE WHEN rn = n THEN 1 ELSE 0 END"; den = "1"; }
                case LAST_TOUCH -> { num = "CASE WHEN rn = 1 THEN 1 ELSE 0 END"; den = "1"; }
                case LAST_NON_DIRECT -> {
                    num = "CASE WHEN row_number() OVER (PARTITION BY cid ORDER BY CASE WHEN ch = 'direct' THEN 1 ELSE 0 END,"
                            + " ts DESC, tid DESC) = 1 THEN 1 ELSE 0 END";
                    den = "1";
                }
                case LINEAR -> { num = "1"; den = "CASE WHEN n = 0 THEN 1 ELSE n END"; }
                default -> {
                    num = "CASE WHEN n <= 2 THEN 1 WHEN rn = 1 OR rn = n THEN 2 * (n - 2) ELSE 1 END";
                    den = "CASE WHEN n <= 1 THEN 1 WHEN n = 2 THEN 2 ELSE 5 * (n - 2) END";
                }
            }
            num = "CASE WHEN tid IS NULL THEN 1 ELSE " + num + " END";
            den = "CASE WHEN tid IS NULL THEN 1 ELSE " + den + " END";
            return "WITH " + path + ", credits AS (SELECT cid, cur, u, gk, CAST(" + num + " AS BIGINT) num, CAST(" + den
                    + " AS BIGINT) den FROM path),"
                    + " g AS (SELECT cid, cur, u, gk, CAST(sum(num) AS BIGINT) ng, max(den) d FROM credits GROUP BY cid, cur, u, gk"
                    + " HAVING sum(num) > 0),"
                    + " parts AS (SELECT cid, cur, gk, u, (u * ng) / d base, MOD(u * ng, d) rem,"
                    + " CAST(CAST(ng AS DECIMAL(38,18)) / CAST(d AS DECIMAL(38,18)) AS DECIMAL(38,18)) share FROM g), " + split;
        }
    }

    private AttributionBenchmark() {
    }
}
