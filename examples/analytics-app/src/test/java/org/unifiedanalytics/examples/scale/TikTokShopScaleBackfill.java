package org.unifiedanalytics.examples.scale;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.examples.cli.CliProcess;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * The scale suite's TikTok Shop backfill: one stream over days, by the CLI in a JVM of its own with this heap and its
 * collections logged, into a PostgreSQL schema of its own, as fast as the SDK goes (the fake's rate, not the API's
 * quota of 10 requests a second, and its largest page).
 */
record TikTokShopScaleBackfill(int exit, double seconds, String log, GcLog heap) {

    static TikTokShopScaleBackfill run(FakeTikTokShopApi fake, String shop, String stream, LocalDate from, LocalDate to,
                                       String heap, String schema, Path dir) throws Exception {
        Path gc = dir.resolve("gc.log");
        Path config = Files.writeString(dir.resolve("none.properties"), "");
        List<String> arguments = List.of("--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                "--database-password", TestDatabase.postgresPassword(), "--database-schema", schema, "--credentials-key",
                Base64.getEncoder().encodeToString("scale-suite-credentials-key-32b!".getBytes(StandardCharsets.US_ASCII)),
                "--config", config.toString(), "backfill", "tiktok-shop", "--streams", stream, "--from", from.toString(),
                "--to", to.toString());
        long began = System.nanoTime();
        Process backfill = CliProcess.start(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gc), arguments,
                Map.of("ANALYTICS_TIKTOK_SHOP_APP_KEY", "scale-app", "ANALYTICS_TIKTOK_SHOP_APP_SECRET", "scale-app-secret",
                        "ANALYTICS_TIKTOK_SHOP_REFRESH_TOKEN", fake.refreshToken(), "ANALYTICS_TIKTOK_SHOP_SHOPS", shop,
                        "ANALYTICS_TIKTOK_SHOP_BASE_URL", fake.baseUrl(), "ANALYTICS_TIKTOK_SHOP_AUTH_URL", fake.baseUrl(),
                        "ANALYTICS_TIKTOK_SHOP_REQUESTS_PER_SECOND", "1000", "ANALYTICS_TIKTOK_SHOP_REQUESTS_PER_MINUTE", "60000",
                        "ANALYTICS_TIKTOK_SHOP_PAGE_SIZE", "100"),
                dir.resolve("cli.log"));
        int exit = CliProcess.finish(backfill, 7_200);
        double seconds = (System.nanoTime() - began) / 1e9;
        return new TikTokShopScaleBackfill(exit, seconds, Files.readString(dir.resolve("cli.log")), GcLog.read(gc));
    }
}
