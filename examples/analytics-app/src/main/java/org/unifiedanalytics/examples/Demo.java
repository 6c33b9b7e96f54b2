package org.unifiedanalytics.examples;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.InMemoryCredentialStore;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.examples.cli.ProgressBars;
import org.unifiedanalytics.examples.dashboard.DashboardServer;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.StreamStatus;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.ContentRoi;
import org.unifiedanalytics.query.FunnelDefinition;
import org.unifiedanalytics.query.FunnelQueries;
import org.unifiedanalytics.query.FunnelSource;
import org.unifiedanalytics.query.FunnelStage;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.MarketingFunnel;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.testkit.Fault;


/**
 * The demo: the test kit's fake TikTok API for Business, TikTok Shop, Shopify, GA4 Data API and Klaviyo on loopback
 * serve one small brand's last 90 days (with some latency and a few 429s and 503s, so that the retries show): the
 * same buyers watch its videos, visit its web store, open its newsletters and buy in its Shopify store or its TikTok
 * Shop. The built-in connectors backfill them into an embedded H2 warehouse under {@code target/demo}, and the
 * funnel, attribution by channel under every model, the top videos by attributed revenue, TikTok Shop's sales by
 * video and data freshness are printed. Run it again: an incremental sync that changes nothing. {@code --reset}
 * starts over.
 */
public final class Demo {

    /** What a demo run did and found, for the end-to-end test. */
    public record Result(List<SyncReport> reports, MarketingFunnel funnel,
                         Map<AttributionModel, List<AttributedRevenue>> attribution, Map<String, BigDecimal> conversionRevenue) {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path dir = Path.of("target", "demo").toAbsolutePath();
        Result result = run(dir, List.of(args).contains("--reset"), true);
        if (result.reports().stream().anyMatch(r -> !r.succeeded())) {
            throw new IllegalStateException("a stream failed: see the sync report above");
        }
        if (!List.of(args).contains("--no-serve")) {
            serve(dir, args);
        }
    }

    /** Serves the dashboard on the demo's warehouse until the process is stopped. */
    private static void serve(Path dir, String[] args) throws IOException {
        int port = List.of(args).contains("--port") ? Integer.parseInt(args[List.of(args).indexOf("--port") + 1]) : 8080;
        Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"));
        DashboardServer dashboard;
        try {
            dashboard = DashboardServer.start(warehouse, Ingestion.on(warehouse), port);
        } catch (java.net.BindException e) {
            dashboard = DashboardServer.start(warehouse, Ingestion.on(warehouse), 0);
        }
        System.out.println();
        System.out.println("Dashboard: " + dashboard.url() + "   (Ctrl-C to stop; --no-serve skips it)");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dashboard.close();
            warehouse.close();
        }
    }

    /** Runs the demo into {@code dir}: fakes, sync, queries, report on standard output. */
    public static Result run(Path dir, boolean reset, boolean progressBars) throws IOException {
        if (reset && Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        DemoBrand brand = new DemoBrand();
        try (DemoSources sources = new DemoSources(brand, Clock.systemUTC());
             Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            // some latency and a few refusals, so that the retries show
            sources.tiktok.server().delayEveryResponse(Duration.ofMillis(10));
            sources.tiktok.server().inject(Fault.serverError(503));
            sources.tiktokShop.server().delayEveryResponse(Duration.ofMillis(10));
            sources.tiktokShop.throttleNext(1);
            sources.shopify.server().delayEveryResponse(Duration.ofMillis(10));
            sources.shopify.server().inject(Fault.tooManyRequests(1));
            sources.ga4.server().delayEveryResponse(Duration.ofMillis(5));
            sources.ga4.server().inject(Fault.serverError(503));
            warehouse.migrate();
            System.out.println("Warehouse: embedded H2 at " + dir.resolve("analytics"));
            System.out.println("Fakes on loopback: " + sources);

            // The fakes are new each run, with new tokens: the demo keeps credentials in memory.
            Map<String, CredentialStore> credentials = new ConcurrentHashMap<>();
            Ingestion ingestion = Ingestion.builder(warehouse)
                    .credentialStores(i -> credentials.computeIfAbsent(i, k -> new InMemoryCredentialStore())).build();

            boolean firstRun = ingestion.status().isEmpty();
            DateRange ninetyDays = new DateRange(brand.today.minusDays(89), brand.today.plusDays(1));
            List<SyncReport> reports = new ArrayList<>();
            System.out.println();
            System.out.println(firstRun ? "Backfilling 90 days ..." : "Syncing incrementally (the data is already here) ...");
            for (var connector : sources.configs("200ms").entrySet()) {
                ConfigValues values = ConfigValues.of(connector.getValue());
                SyncRequest request = firstRun ? SyncRequest.backfill(connector.getKey(), values, ninetyDays)
                        : SyncRequest.incremental(connector.getKey(), values);
                reports.add(ingestion.sync(progressBars ? request.withProgress(new ProgressBars()) : request));
            }

            section("Sync report, per stream");
            for (SyncReport report : reports) {
                for (StreamReport stream : report.streams()) {
                    System.out.printf("  %-14s %-36s %-10s %5d records, %3d pages, %3d API calls, %d retries%n", report.instance(),
                            stream.account() + "/" + stream.stream(), stream.outcome(), stream.recordsWritten(), stream.pages(),
                            stream.apiCalls(), stream.retries());
                }
            }

            Period period = Period.days(brand.today.minusDays(89), brand.today.plusDays(1));
            section("The 7-stage funnel, last 90 days (TikTok's daily aggregates, GA4's sessions and carts, both stores' orders)");
            MarketingFunnel funnel = FunnelQueries.on(warehouse).marketingFunnel(period, Optional.empty(),
                    FunnelDefinition.DEFAULT, FunnelSource.DAILY_METRICS);
            for (FunnelStage stage : funnel.stages()) {
                System.out.printf("  %d %-14s %,12d   %s%n", stage.position(), stage.name(), stage.value(),
                        stage.rateFromPrevious().map(r -> "x " + r.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros()
                                .toPlainString() + " of the previous stage").orElse(""));
            }
            System.out.printf("  purchasing customers %d, repeat purchase rate %s%n", funnel.purchasingCustomers(),
                    funnel.repeatPurchaseRate().map(r -> r.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "%").orElse("-"));

            section("Attributed revenue (EUR) by channel under every model, last 90 days");
            Map<AttributionModel, List<AttributedRevenue>> models = AttributionQueries.on(warehouse)
                    .compare(GroupBy.CHANNEL, period, AttributionSettings.DEFAULTS);
            List<String> channels = models.values().stream().flatMap(List::stream).filter(r -> r.currency().equals("EUR"))
                    .map(AttributedRevenue::groupKey).distinct().sorted().toList();
            System.out.printf("  %-16s", "model");
            channels.forEach(c -> System.out.printf("%16s", c));
            System.out.println();
            models.forEach((model, rows) -> {
                System.out.printf("  %-16s", model.specName());
                for (String channel : channels) {
                    BigDecimal revenue = rows.stream().filter(r -> r.currency().equals("EUR") && r.groupKey().equals(channel))
                            .map(AttributedRevenue::attributedRevenue).findFirst().orElse(BigDecimal.ZERO);
                    System.out.printf("%16s", revenue.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
                }
                System.out.println();
            });
            System.out.println("  (direct): orders with no touch before them; here the TikTok Shop's, bought inside TikTok,"
                    + " whose order API names no video (TikTok Shop's own credit by video is below)");

            section("Top videos by attributed revenue (linear model)");
            List<ContentRoi> videos = AttributionQueries.on(warehouse).contentRoi(AttributionModel.LINEAR, period,
                    AttributionSettings.DEFAULTS);
            videos.stream().filter(v -> v.currency().isPresent()).limit(5).forEach(v -> System.out.printf(
                    "  %-48s %,9d views  %6s conversions  %s %s%n", v.title().orElse(v.contentId()), v.views(),
                    v.attributedConversions().setScale(2, RoundingMode.HALF_EVEN), v.currency().get(),
                    v.attributedRevenue().setScale(2, RoundingMode.HALF_EVEN)));

            section("TikTok Shop sales by video (TikTok's own attribution, from its seller analytics)");
            var cm = org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
            var content = org.unifiedanalytics.model.schema.Tables.CONTENT;
            var gmv = org.jooq.impl.DSL.sum(cm.ATTRIBUTED_GMV);
            warehouse.dsl().select(cm.CONTENT_ID, cm.GMV_CURRENCY, gmv).from(cm)
                    .join(content).on(content.PLATFORM.eq(cm.PLATFORM), content.CONTENT_ID.eq(cm.CONTENT_ID))
                    .where(cm.PLATFORM.eq("tiktok_shop"), content.KIND.eq("video"), cm.ATTRIBUTED_GMV.isNotNull())
                    .groupBy(cm.CONTENT_ID, cm.GMV_CURRENCY).orderBy(gmv.desc(), cm.CONTENT_ID).limit(5)
                    .forEach(r -> System.out.printf("  %-48s %s %s%n", videos.stream().filter(v -> v.contentId().equals(r.value1()))
                            .findFirst().flatMap(ContentRoi::title).orElse(r.value1()), r.value2().strip(),
                            r.value3().setScale(2, RoundingMode.HALF_EVEN)));

            section("Data freshness");
            for (StreamStatus status : ingestion.status()) {
                System.out.printf("  %-14s %-36s last %-11s %-10s fresh as of %s ago%n", status.instance(),
                        status.account() + "/" + status.stream(), status.lastMode(), status.lastStatus(),
                        status.freshness().map(d -> d.toSeconds() + " s").orElse("never"));
            }
            Path report = dir.resolve("report.html");
            try (DashboardServer renderer = DashboardServer.start(warehouse, ingestion, 0)) {
                Files.writeString(report, renderer.standaloneReport(brand.today.minusDays(89), brand.today.plusDays(1)));
            }
            System.out.println();
            System.out.println("Report (one self-contained file): " + report);
            System.out.println("Run `mvn -q -Pdemo -DskipTests verify` again for an idempotent incremental sync;"
                    + " -Dexec.args=--reset starts over, -Dexec.args=--no-serve skips the dashboard.");
            Map<String, BigDecimal> conversionRevenue = new java.util.TreeMap<>();
            var c = org.unifiedanalytics.model.schema.Tables.CONVERSION;
            warehouse.dsl().select(c.CURRENCY, org.jooq.impl.DSL.sum(c.REVENUE)).from(c).groupBy(c.CURRENCY)
                    .forEach(r -> conversionRevenue.put(r.value1().strip(), r.value2()));
            return new Result(reports, funnel, models, conversionRevenue);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println(title);
    }

    private Demo() {
    }
}
