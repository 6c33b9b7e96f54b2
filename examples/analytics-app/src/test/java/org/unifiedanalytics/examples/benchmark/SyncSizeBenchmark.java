package org.unifiedanalytics.examples.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connector.sales.tiktokshop.TikTokShopProvider;
import org.unifiedanalytics.connector.tiktok.TikTokProvider;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.Compaction;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * How big the warehouse gets when connectors fill it: a 90-day backfill of TikTok and TikTok Shop from their
 * fakes, then 30 simulated days of incremental syncs (each re-reading the recent days, as the connectors do), on
 * the embedded H2 file and on PostgreSQL in the same run. After each phase: the H2 file's size, what
 * {@code SHUTDOWN COMPACT} makes of it, and PostgreSQL's tables and indexes.
 *
 * <p>{@code mvn -pl examples/analytics-app -am -Pbenchmark-sync-size verify -DskipTests [-Dbenchmark.orders-per-day=400]}
 */
public final class SyncSizeBenchmark {
    private static final Instant START = Instant.parse("2026-09-01T06:00:00Z");
    private static final int BACKFILL_DAYS = 90;
    private static final int DAILY_DAYS = 30;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int ordersPerDay = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        List<String> databases = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2", "postgres");
        System.out.printf(Locale.ROOT, "Sync size benchmark: %d-day backfill, then %d daily syncs; %d TikTok Shop orders a day;"
                + " %d cores%n", BACKFILL_DAYS, DAILY_DAYS, ordersPerDay, Runtime.getRuntime().availableProcessors());
        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        for (String database : databases) {
            results.put(database, run(database, ordersPerDay));
        }
        System.out.println();
        System.out.println("| phase | H2 file | H2 after SHUTDOWN COMPACT | file / compacted | PostgreSQL tables and indexes |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String phase : List.of("backfill", "daily")) {
            Map<String, String> h2 = results.getOrDefault("h2", Map.of());
            System.out.printf("| %s | %s | %s | %s | %s |%n", phase, h2.getOrDefault(phase + ".file", "-"),
                    h2.getOrDefault(phase + ".compacted", "-"), h2.getOrDefault(phase + ".ratio", "-"),
                    results.getOrDefault("postgres", Map.of()).getOrDefault(phase + ".pg", "-"));
        }
    }

    private static Map<String, String> run(String database, int ordersPerDay) throws Exception {
        SettableClock clock = new SettableClock(START);
        Map<String, String> figures = new HashMap<>();
        Path dir = Files.createTempDirectory("sync-size");
        String schema = "bench_sync_size";
        try (FakeTikTokApi tiktok = FakeTikTokApi.start("app-size", "secret-size", clock);
             FakeTikTokShopApi shop = FakeTikTokShopApi.start("key-size", "secret-size", clock).shop("7001", "ROW_cipher7001");
             Warehouse warehouse = open(database, dir, schema)) {
            warehouse.migrate();
            Data data = new Data(tiktok, shop, ordersPerDay);
            for (int d = BACKFILL_DAYS; d >= 1; d--) {
                data.day(LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(d));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Ingestion ingestion = Ingestion.builder(warehouse).clock(clock).credentialKey(key)
                    .registry(ConnectorRegistry.of(List.of(new TikTokProvider(), new TikTokShopProvider()))).build();
            DateRange backfill = new DateRange(LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(BACKFILL_DAYS),
                    LocalDate.ofInstant(START, ZoneOffset.UTC).minusDays(1));
            long started = System.nanoTime();
            check(ingestion.sync(SyncRequest.backfill("tiktok", data.tiktokConfig(), backfill)));
            check(ingestion.sync(SyncRequest.backfill("tiktok-shop", data.shopConfig(), backfill)));
            measure(database, warehouse, schema, "backfill", figures);
            System.out.printf(Locale.ROOT, "%s: backfill in %.0f s%n", database, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            for (int d = 0; d < DAILY_DAYS; d++) {
                clock.advance(Duration.ofDays(1));
                data.day(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
                check(ingestion.sync("tiktok", data.tiktokConfig()));
                check(ingestion.sync("tiktok-shop", data.shopConfig()));
            }
            measure(database, warehouse, schema, "daily", figures);
            System.out.printf(Locale.ROOT, "%s: %d daily syncs in %.0f s%n", database, DAILY_DAYS, (System.nanoTime() - started) / 1e9);
            if (database.equals("postgres")) {
                try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return figures;
    }

    private static Warehouse open(String database, Path dir, String schema) throws Exception {
        if (database.equals("h2")) {
            return Warehouse.embedded(dir.resolve("analytics"));
        }
        Warehouse warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl())
                .credentials(TestDatabase.postgresUser(), TestDatabase.postgresPassword()).schema(schema).build();
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        return warehouse;
    }

    /** The H2 file as the syncs left it and compacted (which the next phase then starts from), or PostgreSQL's size. */
    private static void measure(String database, Warehouse warehouse, String schema, String phase, Map<String, String> figures)
            throws Exception {
        if (database.equals("h2")) {
            long file = warehouse.sizeOnDisk().getAsLong();
            long compacted = warehouse.compact().bytesAfter();
            figures.put(phase + ".file", Compaction.mib(file));
            figures.put(phase + ".compacted", Compaction.mib(compacted));
            figures.put(phase + ".ratio", String.format(Locale.ROOT, "%.2f", (double) file / compacted));
            System.out.printf(Locale.ROOT, "h2 after the %s: file %s, compacted %s%n", phase, Compaction.mib(file),
                    Compaction.mib(compacted));
            return;
        }
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            try (ResultSet r = s.executeQuery("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'")) {
                r.next();
                figures.put(phase + ".pg", Compaction.mib(r.getLong(1)));
                System.out.printf(Locale.ROOT, "postgres after the %s: %s%n", phase, Compaction.mib(r.getLong(1)));
            }
        }
    }

    private static void check(SyncReport report) {
        if (!report.succeeded()) {
            throw new IllegalStateException("a sync failed: " + report.failures());
        }
    }

    /** What the fakes serve, a day at a time: account metrics, a post and its counters, orders and shop analytics. */
    private static final class Data {
        private final FakeTikTokApi tiktok;
        private final FakeTikTokShopApi shop;
        private final FakeTikTokApi.Account account;
        private final int ordersPerDay;
        private final Random random = new Random(42);
        private int orders;

        Data(FakeTikTokApi tiktok, FakeTikTokShopApi shop, int ordersPerDay) {
            this.tiktok = tiktok;
            this.shop = shop;
            this.ordersPerDay = ordersPerDay;
            this.account = tiktok.account("biz-size", "sizeco").followers(10_000);
        }

        void day(LocalDate day) {
            Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
            Map<String, Long> metrics = new LinkedHashMap<>();
            for (String name : List.of("video_views", "profile_views", "likes", "comments", "shares", "followers_count",
                    "daily_new_followers", "daily_lost_followers")) {
                metrics.put(name, (long) random.nextInt(10_000));
            }
            account.day(day, metrics);
            String video = "v" + day.toEpochDay();
            account.video(video, noon, "Post of " + day).counters(Map.of("video_views", (long) random.nextInt(50_000),
                    "likes", (long) random.nextInt(2_000), "comments", 12L, "shares", 7L, "favorites", 3L, "reach", 9_000L,
                    "profile_views", 40L, "new_followers", 5L, "total_time_watched", 30_000L));
            shop.videoDay("7001", day, video, "Post of " + day, random.nextInt(50_000), random.nextInt(900) + ".00", "USD", "2.5%");
            for (int i = 0; i < ordersPerDay; i++) {
                Instant created = noon.minusSeconds(random.nextInt(43_200));
                String id = String.valueOf(576_000_000_000_000_000L + ++orders);
                shop.order("7001", id, created, created.plusSeconds(600), "COMPLETED", "USD", "u" + random.nextInt(ordersPerDay * 20),
                        "sku-" + random.nextInt(50) + "=" + (random.nextInt(5_000) + 100) / 100 + ".99",
                        "sku-" + random.nextInt(50) + "=" + (random.nextInt(5_000) + 100) / 100 + ".99");
            }
        }

        ConfigValues tiktokConfig() {
            return ConfigValues.of(Map.of("app_id", "app-size", "app_secret", "secret-size", "accounts", "biz-size",
                    "refresh_tokens", account.refreshToken(), "base_url", tiktok.baseUrl(), "requests_per_second", "1000",
                    "retry_initial_delay", "10ms"));
        }

        ConfigValues shopConfig() {
            return ConfigValues.of(Map.of("app_key", "key-size", "app_secret", "secret-size", "refresh_token", shop.refreshToken(),
                    "shops", "7001", "base_url", shop.baseUrl(), "auth_url", shop.baseUrl(), "page_size", "100",
                    "requests_per_second", "1000", "retry_initial_delay", "10ms"));
        }
    }
}
