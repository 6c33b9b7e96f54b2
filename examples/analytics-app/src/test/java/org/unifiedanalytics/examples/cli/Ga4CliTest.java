package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.fakes.FakeGa4Property;
import org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics;

/** `check`, `sync` and `backfill` of a GA4 property configured in a properties file, against the fake. */
class Ga4CliTest {
    @TempDir
    Path dir;

    @Test
    void a_ga4_property_from_a_configuration_file_checks_syncs_and_backfills() throws Exception {
        try (FakeGoogleAnalytics ga4 = FakeGoogleAnalytics.start(Clock.systemUTC())) {
            Path key = Files.writeString(dir.resolve("key.json"),
                    ga4.tokens().newServiceAccountKey("sync@brand.iam.gserviceaccount.com"));
            FakeGa4Property shop = ga4.property("412345678", ZoneId.of("Europe/Paris"), "EUR");
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            for (int d = 0; d < 20; d++) {
                shop.traffic(today.minusDays(d), FakeGa4Property.dims("google", "organic", "(organic)", "/", "Organic Search"),
                        Map.of("sessions", 10 + d, "engagedSessions", 5, "addToCarts", 2));
            }
            Path config = Files.write(dir.resolve("analytics.properties"), List.of("ga4.properties=412345678",
                    "ga4.credentials_file=" + key, "ga4.base_url=" + ga4.baseUrl(), "ga4.retry_initial_delay=10ms"));
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString()};

            CliRun check = CliRun.of(common, "check", "ga4");
            CliRun sync = CliRun.of(common, "sync", "ga4");
            CliRun backfill = CliRun.of(common, "backfill", "ga4", "--from", today.minusDays(19).toString(),
                    "--to", today.minusDays(10).toString());

            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).contains("OK: connected as sync@brand.iam.gserviceaccount.com to GA4 property 412345678 "
                    + "(Europe/Paris, EUR)");
            assertThat(sync.code()).as(sync.out()).isZero();
            assertThat(sync.out()).contains("412345678/traffic incremental SUCCEEDED", "412345678/user_totals incremental SUCCEEDED");
            assertThat(backfill.code()).as(backfill.out()).isZero();
            assertThat(backfill.out()).contains("412345678/traffic backfill SUCCEEDED");
        }
    }
}
