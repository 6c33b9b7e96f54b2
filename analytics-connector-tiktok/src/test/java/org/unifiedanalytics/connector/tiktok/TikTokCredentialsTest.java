package org.unifiedanalytics.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.credentials.internal.CredentialKeyFile;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.SettableClock;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.testkit.fakes.FakeTikTokApi;

/**
 * Where a rotating refresh token lives when the host sets nothing up: beside an embedded warehouse, under a key
 * made for it; never in one process's memory on a shared database; and never spent by two processes at once.
 */
class TikTokCredentialsTest {
    private final FakeTikTokApi tiktok = TikTokFixture.seeded();
    private final SettableClock clock = new SettableClock(TikTokFixture.NOW);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private Ingestion ingestion(Warehouse warehouse, byte[] key) {
        Ingestion.Builder builder = Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(new TikTokProvider())))
                .clock(clock);
        if (key != null) {
            builder.credentialKey(key);
        }
        return builder.build();
    }

    private ConfigValues config() {
        Map<String, String> values = new HashMap<>(TikTokFixture.config(tiktok));
        values.putAll(Map.of("retry_initial_delay", "10ms", "requests_per_second", "1000"));
        return ConfigValues.of(values);
    }

    @Test
    void a_new_users_second_sync_on_the_embedded_warehouse_uses_the_rotated_token_kept_under_a_key_file() throws Exception {
        Path file = dir.resolve("analytics");
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            warehouse.migrate();
            SyncReport first = ingestion(warehouse, null).sync("tiktok", config());
            assertThat(first.succeeded()).as(first.failures().toString()).isTrue();
        }
        clock.advance(java.time.Duration.ofDays(2));   // the access tokens have expired: the rotated refresh tokens are needed

        SyncReport second;
        try (Warehouse reopened = Warehouse.embedded(file)) {
            second = ingestion(reopened, null).sync("tiktok", config());
        }

        assertThat(second.succeeded()).as(second.failures().toString()).isTrue();
        assertThat(second.streams()).noneMatch(s -> s.outcome() == StreamOutcome.REAUTHORIZATION_REQUIRED);
        Path key = CredentialKeyFile.beside(file);
        assertThat(key).exists().isEqualTo(dir.resolve("analytics.credentials-key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void a_shared_database_without_a_key_refuses_a_rotating_connector_and_says_how_to_set_one() {
        try (TestWarehouse test = TestDatabase.POSTGRES.open()) {
            Warehouse warehouse = test.migrated();
            Ingestion ingestion = ingestion(warehouse, null);

            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> ingestion.sync("tiktok", config()));
            CheckResult check = ingestion.check("tiktok", config());

            assertThat(refused).isInstanceOf(org.unifiedanalytics.model.ConfigurationException.class)
                    .hasMessageContaining("share").hasMessageContaining("ANALYTICS_CREDENTIALS_KEY")
                    .hasMessageContaining("lock the next run out");
            assertThat(check.status()).isEqualTo(CheckResult.Status.CONFIGURATION);
            assertThat(check.message()).contains("ANALYTICS_CREDENTIALS_KEY");
            assertThat(warehouse.dsl().fetchCount(ACCOUNT_METRIC_DAILY)).isZero();
            assertThat(tiktok.server().requests()).isEmpty();   // refused before any token was spent
        }
    }

    @Test
    void two_processes_checking_at_once_spend_the_refresh_token_once_and_both_get_in() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (TestWarehouse test = TestDatabase.POSTGRES.open()) {
            Warehouse first = test.migrated();
            // a second connection pool on the same schema: to the database, another process
            try (Warehouse second = Warehouse.builder().dataSource(first.dataSource()).schema(first.schema()).build()) {
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<CheckResult> a = CompletableFuture.supplyAsync(() -> checkAfter(together, ingestion(first, key)));
                CompletableFuture<CheckResult> b = CompletableFuture.supplyAsync(() -> checkAfter(together, ingestion(second, key)));

                assertThat(a.get().isOk()).as(a.get().toString()).isTrue();
                assertThat(b.get().isOk()).as(b.get().toString()).isTrue();
                assertThat(tiktok.server().requests()).filteredOn(r -> r.path().endsWith("tt_user/oauth2/refresh_token/"))
                        .hasSize(2);   // one per account, not one per process
            }
        }
    }

    private CheckResult checkAfter(CyclicBarrier together, Ingestion ingestion) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ingestion.check("tiktok", config());
    }
}
