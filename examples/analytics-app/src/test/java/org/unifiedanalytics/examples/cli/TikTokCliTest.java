package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

/** `check` and `sync` of a TikTok account configured in a properties file, against the fake by base-URL override. */
class TikTokCliTest {
    @TempDir
    Path dir;

    @Test
    void a_tiktok_account_from_a_configuration_file_checks_and_syncs() throws Exception {
        try (FakeTikTokApi tiktok = FakeTikTokApi.start("app-1", "secret-1")) {
            FakeTikTokApi.Account account = tiktok.account("biz-9", "clayandco").followers(100);
            account.day(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1), Map.of("video_views", 500L, "followers_count", 100L));
            account.video("7311", Instant.now().minusSeconds(86_400), "A mug").views(1200);
            Path config = Files.write(dir.resolve("analytics.properties"), List.of(
                    "tiktok.app_id=app-1", "tiktok.app_secret=secret-1", "tiktok.accounts=biz-9",
                    "tiktok.refresh_tokens=" + account.refreshToken(), "tiktok.base_url=" + tiktok.baseUrl(),
                    "tiktok.retry_initial_delay=10ms"));
            String key = java.util.Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
            String[] common = {"--embedded", dir.resolve("warehouse").toString(), "--config", config.toString(),
                    "--credentials-key", key};

            CliRun check = CliRun.of(common, "check", "tiktok");
            CliRun sync = CliRun.of(common, "sync", "tiktok");

            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).contains("OK: connected to 1 TikTok account(s): @clayandco");
            assertThat(sync.code()).as(sync.out()).isZero();
            assertThat(sync.out()).contains("biz-9/account_metrics incremental SUCCEEDED")
                    .contains("biz-9/video_snapshots incremental SUCCEEDED").contains("all streams succeeded");
        }
    }
}
