package org.unifiedanalytics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.ingest.ConnectorRegistry;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The contract every connector keeps, ours and yours: extend this class, say how to start your fake API
 * and configure your connector against it, and inherit every check: configuration validation, secret
 * redaction, the connection check, a full sync, an idempotent second sync, a sync interrupted and
 * resumed that ends equal to a clean one, faults retried to success, and clear authentication failures.
 *
 * <pre>{@code
 * class ShopOrdersContractTest extends ConnectorContractTest {
 *     protected ConnectorProvider provider() { return new ShopOrdersProvider(); }
 *     protected FakeApiServer startFakeApi() { return FakeShopOrdersApi.start(); }
 *     protected Map<String, String> validConfig(URI baseUrl) { return Map.of("base_url", baseUrl.toString(), "api_key", "test-key"); }
 *     protected Map<String, String> invalidCredentials(URI baseUrl) { return Map.of("base_url", baseUrl.toString(), "api_key", "wrong"); }
 * }
 * }</pre>
 *
 * <p>Each test runs against a fresh in-memory H2 warehouse and a fresh fake, with fast retries.
 */
public abstract class ConnectorContractTest {

    /** Settings that make retries fast and the client-side rate limit generous, so the kit runs in seconds. */
    protected static final Map<String, String> FAST_RUNTIME = Map.of("max_retries", "6", "retry_initial_delay", "10ms",
            "retry_max_delay", "1500ms", "requests_per_second", "1000", "requests_per_minute", "100000",
            "request_timeout", "5s");

    private FakeApiServer fake;
    private final List<Warehouse> warehouses = new java.util.ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // One credential store per instance for the whole test, as a host keeps them: rotated tokens survive between syncs.
    private final Map<String, org.unifiedanalytics.connect.credentials.CredentialStore> credentials =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The provider under test. */
    protected abstract ConnectorProvider provider();

    /** Starts the connector's fake API, seeded with data that takes several pages to read. */
    protected abstract FakeApiServer startFakeApi();

    /** A configuration the fake accepts. */
    protected abstract Map<String, String> validConfig(URI baseUrl);

    /** The same configuration with credentials the fake refuses. */
    protected abstract Map<String, String> invalidCredentials(URI baseUrl);

    /** The instant syncs run at; fixed, so that two syncs are comparable row for row. */
    protected Clock clock() {
        return Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    }

    /**
     * How many syncs the random-fault test runs, each on a fresh warehouse with its own seed: 4 by default, so that
     * {@code mvn verify} stays fast; {@code -Dcontract.fault-runs=200} runs the long variant.
     */
    protected int faultRuns() {
        return Integer.getInteger("contract.fault-runs", 4);
    }

    /** The share of requests the random-fault test fails: 10%, or {@code -Dcontract.fault-rate=0.4}. */
    protected double faultRate() {
        return Double.parseDouble(System.getProperty("contract.fault-rate", "0.10"));
    }

    /** The faults the random-fault test picks from: what real APIs and networks do. */
    protected List<Fault> randomFaults() {
        List<Fault> faults = new ArrayList<>(List.of(Fault.tooManyRequests(1), Fault.serverError(500), Fault.serverError(503),
                Fault.connectionReset(), Fault.truncatedBody(), Fault.malformedBody(), Fault.invalidJson(),
                Fault.stalledBody(java.time.Duration.ofMillis(1500)), Fault.slowDrip(java.time.Duration.ofMillis(1600))));
        faults.addAll(apiErrorAnswers());
        return faults;
    }

    /**
     * The API's own error answers that the random-fault test also injects, such as an error envelope with HTTP 200
     * ({@link Fault#answer}): none unless the API has them.
     */
    protected List<Fault> apiErrorAnswers() {
        return List.of();
    }

    /** How many requests succeed before the interruption test cuts the source off. */
    protected int requestsBeforeInterruption() {
        return 2;
    }

    protected final FakeApiServer fake() {
        return fake;
    }

    @BeforeEach
    void startFake() {
        fake = startFakeApi();
    }

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.close();
        }
        warehouses.forEach(Warehouse::close);
    }

    protected final ConfigValues values(Map<String, String> config) {
        Map<String, String> all = new HashMap<>(FAST_RUNTIME);
        all.putAll(config);
        return ConfigValues.of(all);
    }

    protected final Warehouse newWarehouse() {
        Warehouse warehouse = Warehouse.inMemory("contract_" + UUID.randomUUID().toString().replace("-", ""));
        warehouse.migrate();
        warehouses.add(warehouse);
        return warehouse;
    }

    protected final Ingestion ingestion(Warehouse warehouse) {
        return Ingestion.builder(warehouse).registry(ConnectorRegistry.of(List.of(provider()))).clock(clock())
                .meterRegistry(meters)
                .credentialStores(instance -> credentials.computeIfAbsent(instance,
                        i -> new org.unifiedanalytics.connect.credentials.InMemoryCredentialStore()))
                .build();
    }

    private SyncReport sync(Warehouse warehouse) {
        return ingestion(warehouse).sync(provider().id(), values(validConfig(fake.baseUrl())));
    }

    /** A sync whose requests give up on an answer after 1 s, so that stalled bodies cost little. */
    private SyncReport syncWithShortTimeout(Warehouse warehouse) {
        Map<String, String> config = new HashMap<>(validConfig(fake.baseUrl()));
        config.put("request_timeout", "1s");
        return ingestion(warehouse).sync(provider().id(), values(config));
    }

    private List<String> secretValues() {
        Map<String, String> config = validConfig(fake.baseUrl());
        return provider().configSpec().keys().stream().filter(ConfigKey::secret)
                .map(k -> config.get(k.name())).filter(v -> v != null && !v.isEmpty()).toList();
    }

    @Test
    @DisplayName("the provider has an id, a description and a configuration spec")
    void the_provider_describes_itself() {
        assertThat(provider().id()).matches("[a-z][a-z0-9_-]*");
        assertThat(provider().description()).isNotBlank();
        assertThat(provider().configSpec().keys()).isNotEmpty();
    }

    @Test
    @DisplayName("an empty configuration is refused with every required key named at once")
    void an_empty_configuration_names_every_required_key() {
        Warehouse warehouse = newWarehouse();
        List<String> required = provider().configSpec().keys().stream().filter(ConfigKey::required).map(ConfigKey::name).toList();

        if (required.isEmpty()) {
            return;
        }
        assertThatThrownBy(() -> ingestion(warehouse).configure(provider().id(), ConfigValues.empty()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(required.size());
                    required.forEach(key -> assertThat(e.getMessage()).contains("'" + key + "'"));
                });
    }

    @Test
    @DisplayName("secrets never appear in a configuration's text or in its errors")
    void secrets_are_redacted() {
        Warehouse warehouse = newWarehouse();
        ConnectorConfig config = ingestion(warehouse).configure(provider().id(), values(validConfig(fake.baseUrl())));
        Map<String, String> broken = new HashMap<>(validConfig(fake.baseUrl()));
        broken.put("max_retries", "not-a-number");

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> ingestion(warehouse).configure(provider().id(), values(broken)));

        for (String secret : secretValues()) {
            assertThat(config.toString()).doesNotContain(secret);
            assertThat(error).hasMessageNotContaining(secret);
        }
    }

    @Test
    @DisplayName("check succeeds with working credentials")
    void check_succeeds() {
        CheckResult result = ingestion(newWarehouse()).check(provider().id(), values(validConfig(fake.baseUrl())));

        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.OK);
    }

    @Test
    @DisplayName("check reports refused credentials as an authentication failure, in one sentence, without the secret")
    void check_reports_authentication_failures() {
        CheckResult result = ingestion(newWarehouse()).check(provider().id(), values(invalidCredentials(fake.baseUrl())));

        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.AUTHENTICATION);
        assertThat(result.message()).isNotBlank();
        secretValues().forEach(secret -> assertThat(result.message()).doesNotContain(secret));
    }

    @Test
    @DisplayName("a full sync succeeds and writes records")
    void a_full_sync_writes_records() {
        Warehouse warehouse = newWarehouse();

        SyncReport report = sync(warehouse);

        assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
        assertThat(report.recordsWritten()).isPositive();
        assertThat(WarehouseSnapshot.rowCount(WarehouseSnapshot.of(warehouse))).isPositive();
    }

    @Test
    @DisplayName("a second sync of the same data changes nothing")
    void a_second_sync_is_idempotent() {
        Warehouse warehouse = newWarehouse();
        sync(warehouse);
        var first = WarehouseSnapshot.of(warehouse);

        SyncReport second = sync(warehouse);

        assertThat(second.succeeded()).as(second.failures().toString()).isTrue();
        assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(first);
    }

    @Test
    @DisplayName("a sync cut off after a few requests, then resumed, ends equal to a clean sync")
    void an_interrupted_sync_resumes_to_the_same_result() {
        Warehouse clean = newWarehouse();
        sync(clean);
        Warehouse interrupted = newWarehouse();
        fake.failAfter(requestsBeforeInterruption(), Fault.status(500));

        SyncReport broken = sync(interrupted);
        fake.heal();
        SyncReport resumed = sync(interrupted);

        assertThat(broken.succeeded()).isFalse();
        assertThat(resumed.succeeded()).as(resumed.failures().toString()).isTrue();
        assertThat(WarehouseSnapshot.of(interrupted)).isEqualTo(WarehouseSnapshot.of(clean));
    }

    @Test
    @DisplayName("429 with Retry-After, 5xx, dropped connections, truncated and malformed bodies are retried to success")
    void faults_are_retried_to_success() {
        Warehouse clean = newWarehouse();
        sync(clean);
        Warehouse faulty = newWarehouse();
        fake.inject(Fault.tooManyRequests(1), Fault.serverError(503), Fault.connectionReset(), Fault.truncatedBody(),
                Fault.malformedBody(), Fault.serverError(500));

        SyncReport report = sync(faulty);

        assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
        // Six faults: the JDK's HttpClient itself retries a GET once when a connection drops before any answer,
        // so the toolkit sees five of them.
        assertThat(report.streams().stream().mapToLong(StreamReport::retries).sum()).isGreaterThanOrEqualTo(5);
        assertThat(WarehouseSnapshot.of(faulty)).isEqualTo(WarehouseSnapshot.of(clean));
    }

    @Test
    @DisplayName("at random faults (10% of requests) a sync succeeds after retries or fails naming the request, never writes a partial"
            + " page, and a rerun completes it")
    void random_faults_never_corrupt_the_warehouse() {
        Warehouse clean = newWarehouse();
        sync(clean);
        var expected = WarehouseSnapshot.of(clean);
        int succeeded = 0;
        int failedCleanly = 0;
        int faultsBefore = fake.faultsInjected();
        for (int attempt = 0; attempt < faultRuns(); attempt++) {
            final int run = attempt;
            Warehouse faulty = newWarehouse();
            fake.injectAtRandom(faultRate(), 7_919L * (run + 1), randomFaults());

            SyncReport report = syncWithShortTimeout(faulty);
            fake.heal();
            var afterFaults = WarehouseSnapshot.of(faulty);
            SyncReport rerun = rerunUntilDone(faulty);

            if (report.succeeded()) {
                assertThat(afterFaults).as("run %d: a sync that succeeded despite faults equals a clean one", run)
                        .isEqualTo(expected);
                succeeded++;
            } else {
                assertThat(report.failures()).as("run %d", run).allSatisfy(failure -> {
                    assertThat(failure.error()).as("run %d: %s names the failing request", run, failure.stream())
                            .hasValueSatisfying(e -> assertThat(e).containsPattern("\\[(GET|POST|PUT|PATCH|DELETE) "));
                    secretValues().forEach(secret -> assertThat(failure.error().orElse("")).doesNotContain(secret));
                });
                afterFaults.forEach((table, rows) -> assertThat(expected.get(table))
                        .as("run %d: every row of %s after a failed sync is a row of the clean sync", run, table)
                        .containsAll(rows));
                failedCleanly++;
                report.failures().forEach(failure -> System.out.printf("fault suite %s, run %d: %s failed cleanly: %s%n",
                        provider().id(), run, failure.stream(), failure.error().orElse("")));
            }
            assertThat(rerun.succeeded()).as("run %d: the rerun %s", run, rerun.failures()).isTrue();
            assertThat(WarehouseSnapshot.of(faulty)).as("run %d: after the rerun", run).isEqualTo(expected);
        }
        System.out.printf("fault suite %s: %d syncs at %.0f%% faults (%d injected): %d succeeded, %d failed cleanly, 0 corrupted%n",
                provider().id(), faultRuns(), faultRate() * 100, fake.faultsInjected() - faultsBefore, succeeded, failedCleanly);
    }

    /**
     * A sync to completion: this test asks much of a fake in little time, and a fake with a source's real quotas may
     * say it is spent (the stream ends QUOTA_EXHAUSTED, resuming at a given instant); then it waits and syncs again.
     */
    private SyncReport rerunUntilDone(Warehouse warehouse) {
        SyncReport report = sync(warehouse);
        for (int attempt = 0; attempt < 3 && !report.succeeded() && report.failures().stream()
                .allMatch(f -> f.outcome() == org.unifiedanalytics.ingest.StreamOutcome.QUOTA_EXHAUSTED); attempt++) {
            Instant resumes = report.failures().stream().flatMap(f -> f.resumesAt().stream()).max(Instant::compareTo)
                    .orElse(Instant.now().plusSeconds(1));
            try {
                Thread.sleep(Math.min(70_000, Math.max(0, java.time.Duration.between(Instant.now(), resumes).toMillis()) + 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = sync(warehouse);
        }
        return report;
    }

    @Test
    @DisplayName("a sync with refused credentials fails every stream with an authentication error, not retried")
    void a_sync_with_refused_credentials_fails_clearly() {
        Warehouse warehouse = newWarehouse();
        fake.clearRequests();

        SyncReport report = ingestion(warehouse).sync(provider().id(), values(invalidCredentials(fake.baseUrl())));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failures()).allSatisfy(f -> {
            assertThat(f.error()).hasValueSatisfying(e -> assertThat(e.toLowerCase(java.util.Locale.ROOT))
                    .containsAnyOf("authentication", "re-authorize", "reauthoriz"));
            assertThat(f.retries()).isZero();
            secretValues().forEach(secret -> assertThat(f.error().orElse("")).doesNotContain(secret));
        });
    }

    @Test
    @DisplayName("no metric tag holds a secret")
    void metrics_hold_no_secret() {
        sync(newWarehouse());

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                secretValues().forEach(secret -> assertThat(tag.getValue()).doesNotContain(secret));
            }
        }
        assertThat(meters.find("analytics.http.requests").meters()).isNotEmpty();
    }
}
