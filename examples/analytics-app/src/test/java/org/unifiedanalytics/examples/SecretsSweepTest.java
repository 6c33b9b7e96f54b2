package org.unifiedanalytics.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.examples.cli.Cli;
import org.unifiedanalytics.examples.dashboard.DashboardServer;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.Fault;
import org.unifiedanalytics.testkit.RecordedRequest;
import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * Every secret of every built-in connector, and the credentials key, searched for in everything a user or an
 * operator sees after checks, backfills, syncs that fail on faults and on refused credentials: the CLI's output and
 * its log lines (standard output and error), {@code status} and {@code status --json}, every column of the run log,
 * and the dashboard's answers. The secrets are those configured and those the fakes issued on the way (access
 * tokens, rotated refresh tokens), collected from the requests the fakes received.
 */
class SecretsSweepTest {
    @TempDir
    Path dir;

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "access-token", "x-tts-access-token",
            "x-shopify-access-token");
    private static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "app_secret", "secret", "refresh_token",
            "assertion", "client_secret", "sign");

    @Test
    void no_secret_appears_in_output_logs_status_run_log_or_dashboard() throws Exception {
        DemoBrand brand = new DemoBrand();
        try (DemoSources sources = new DemoSources(brand, Clock.systemUTC())) {
            FakeTikTokApi tiktok = sources.tiktok;
            FakeTikTokShopApi tiktokShop = sources.tiktokShop;
            FakeShopifyApi shopify = sources.shopify;
            FakeKlaviyoApi klaviyo = sources.klaviyo;
            String credentialsKey = Base64.getEncoder().encodeToString("sweep-credentials-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
            String tiktokRefresh = tiktok.account(DemoBrand.BUSINESS_ID).refreshToken();
            String shopRefresh = tiktokShop.refreshToken();
            Map<String, Map<String, String>> configs = sources.configs("10ms");
            // the GA4 key as a file, as users keep it: its JSON does not fit on one line of a properties file
            String ga4Key = configs.get("ga4").get("credentials_json");
            Path keyFile = Files.writeString(dir.resolve("ga4-key.json"), ga4Key);
            List<String> lines = new ArrayList<>();
            configs.forEach((connector, values) -> values.forEach((key, value) -> lines.add(key.equals("credentials_json")
                    ? connector + ".credentials_file=" + keyFile : connector + "." + key + "=" + value)));
            Path config = Files.write(dir.resolve("analytics.properties"), lines);
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "-c", config.toString(),
                    "--credentials-key", credentialsKey};
            List<FakeApiServer> servers = sources.servers();
            List<String> connectors = List.copyOf(configs.keySet());
            String from = brand.today.minusDays(3).toString();
            String to = brand.today.plusDays(1).toString();

            StringBuilder seen = new StringBuilder();
            for (String connector : connectors) {
                seen.append(cli(common, "check", connector));
                seen.append(cli(common, "backfill", connector, "--from", from, "--to", to));
            }
            // every request fails from now on: syncs give up after their retries, and say why
            servers.forEach(server -> server.failAfter(0, Fault.serverError(503)));
            for (String connector : connectors) {
                seen.append(cli(common, "sync", connector));
            }
            servers.forEach(FakeApiServer::heal);
            servers.forEach(server -> server.inject(Fault.truncatedBody(), Fault.truncatedBody(), Fault.truncatedBody(),
                    Fault.truncatedBody(), Fault.truncatedBody(), Fault.truncatedBody(), Fault.truncatedBody()));
            for (String connector : connectors) {
                seen.append(cli(common, "sync", connector));
            }
            servers.forEach(FakeApiServer::heal);
            // refused credentials: a wrong Shopify token and Klaviyo key
            Path wrong = Files.write(dir.resolve("wrong.properties"), List.of(
                    "shopify.shop=" + DemoStores.SHOPIFY_SHOP, "shopify.access_token=shpat_wrong_but_secret_000",
                    "shopify.base_url=" + shopify.baseUrl(), "klaviyo.api_key=pk_wrong_but_secret_000",
                    "klaviyo.base_url=" + klaviyo.baseUrl()));
            String[] wrongCommon = {"--embedded", dir.resolve("warehouse").toString(), "-c", wrong.toString(),
                    "--credentials-key", credentialsKey};
            for (String connector : List.of("shopify", "klaviyo")) {
                seen.append(cli(wrongCommon, "check", connector));
                seen.append(cli(wrongCommon, "sync", connector));
            }
            seen.append(cli(common, "status"));
            seen.append(cli(common, "status", "--json"));
            try (Warehouse warehouse = Warehouse.embedded(dir.resolve("warehouse"))) {
                var run = org.unifiedanalytics.model.schema.Tables.SYNC_RUN;
                seen.append(warehouse.dsl().selectFrom(run).fetch().formatCSV());
                try (DashboardServer dashboard = DashboardServer.start(warehouse, Ingestion.on(warehouse), 0)) {
                    HttpResponse<String> all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            dashboard.url().resolve("/api/all?from=" + from + "&to=" + to)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(all.statusCode()).isEqualTo(200);
                    seen.append(all.body());
                    seen.append(dashboard.standaloneReport(brand.today.minusDays(3), brand.today.plusDays(1)));
                }
            }

            Set<String> secrets = new LinkedHashSet<>(List.of(DemoBrand.APP_SECRET, tiktokRefresh,
                    tiktok.account(DemoBrand.BUSINESS_ID).refreshToken(), DemoStores.TTS_APP_SECRET, shopRefresh,
                    tiktokShop.refreshToken(), DemoStores.SHOPIFY_TOKEN, DemoChannels.KLAVIYO_KEY, credentialsKey,
                    "shpat_wrong_but_secret_000", "pk_wrong_but_secret_000", privateKeyLine(ga4Key)));
            servers.forEach(server -> secrets.addAll(sentSecrets(server)));
            secrets.removeIf(s -> s == null || s.length() < 8);

            String everything = seen.toString();
            assertThat(everything).as("what the sweep read").contains("SUCCEEDED").contains("FAILED").contains("503");
            boolean debug = "debug".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
            if (debug) {
                // the SDK's lines of every request (secret query values redacted) and the libraries' (the pool's settings)
                assertThat(everything).as("debug lines").contains("DEBUG HttpExchanges - GET http").contains("sign=******")
                        .contains("DEBUG HikariConfig").contains("DEBUG HikariPool");
            }
            assertThat(secrets).as("secrets the sweep looks for").hasSizeGreaterThan(15);
            List<String> leaked = new ArrayList<>();
            for (String secret : secrets) {
                if (everything.contains(secret)) {
                    leaked.add(secret.substring(0, 4) + "...");
                }
            }
            System.out.printf("secrets sweep%s: %d secrets looked for in %,d characters: %d found%n",
                    debug ? " (every logger at DEBUG)" : "", secrets.size(), everything.length(), leaked.size());
            assertThat(leaked).as("secrets found in %,d characters of output, logs, status, run log and dashboard",
                    everything.length()).isEmpty();
        }
    }

    /** Runs the CLI in this JVM; what it printed on standard output and standard error, log lines included. */
    private static String cli(String[] head, String... tail) {
        String[] args = new String[head.length + tail.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(tail, 0, args, head.length, tail.length);
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int code = Cli.run(args);
            return "$ analytics " + String.join(" ", tail) + " -> " + code + "\n" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** One line of the service account's private key, long enough to be unique. */
    private static String privateKeyLine(String keyJson) throws Exception {
        String pem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(keyJson).path("private_key").asText();
        return pem.lines().filter(line -> line.length() >= 40 && !line.startsWith("-----")).findFirst().orElseThrow();
    }

    /** The tokens, keys and signatures the connectors sent in headers, query parameters and form bodies. */
    private static List<String> sentSecrets(FakeApiServer server) {
        List<String> secrets = new ArrayList<>();
        for (RecordedRequest request : server.requests()) {
            request.headers().forEach((name, values) -> {
                if (SECRET_HEADERS.contains(name)) {
                    values.forEach(v -> secrets.add(v.replaceFirst("(?i)^(Bearer|Klaviyo-API-Key)\\s+", "")));
                }
            });
            request.query().forEach((name, value) -> {
                if (SECRET_PARAMETERS.contains(name)) {
                    secrets.add(value);
                }
            });
            String body = request.body();
            if (body != null) {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && SECRET_PARAMETERS.contains(pair.substring(0, eq))) {
                        secrets.add(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                java.util.regex.Matcher json = java.util.regex.Pattern
                        .compile("\"(refresh_token|app_secret|secret|access_token|auth_code)\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                while (json.find()) {
                    secrets.add(json.group(2));
                }
            }
        }
        return secrets;
    }
}
