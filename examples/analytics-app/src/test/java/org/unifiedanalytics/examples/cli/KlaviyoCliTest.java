package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;

/** `check`, `sync` and `backfill` of a Klaviyo account configured in a properties file, against the fake. */
class KlaviyoCliTest {
    @TempDir
    Path dir;

    @Test
    void a_klaviyo_account_from_a_configuration_file_checks_syncs_and_backfills() throws Exception {
        try (FakeKlaviyoApi klaviyo = FakeKlaviyoApi.start("pk_cli_test_key_123", Clock.systemUTC())) {
            klaviyo.reportingLimits(50, 100, 225);
            Instant sent = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
            klaviyo.campaign("01JCLI1", "Spring sale", "email", sent, "Spring is here").stats(500, 495, 200, 150, 30, 25, 4, "120.00");
            klaviyo.event("Clicked Email", "ada@example.com", sent.plusSeconds(600), "Spring sale");
            Path config = Files.write(dir.resolve("analytics.properties"), List.of("klaviyo.api_key=pk_cli_test_key_123",
                    "klaviyo.base_url=" + klaviyo.baseUrl(), "klaviyo.reports_per_minute=100", "klaviyo.retry_initial_delay=10ms"));
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString()};
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            CliRun check = CliRun.of(common, "check", "klaviyo");
            CliRun sync = CliRun.of(common, "sync", "klaviyo");
            CliRun backfill = CliRun.of(common, "backfill", "klaviyo", "--from", today.minusDays(60).toString(),
                    "--to", today.minusDays(30).toString());

            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).contains("OK: connected to Klaviyo account Clay & Co");
            assertThat(sync.code()).as(sync.out()).isZero();
            assertThat(sync.out()).contains("klaviyo/campaigns incremental SUCCEEDED", "klaviyo/campaign_values incremental SUCCEEDED",
                    "klaviyo/events incremental SUCCEEDED").doesNotContain("pk_cli_test_key_123");
            assertThat(backfill.code()).as(backfill.out()).isZero();
            assertThat(backfill.out()).contains("klaviyo/events backfill SUCCEEDED");
        }
    }
}
