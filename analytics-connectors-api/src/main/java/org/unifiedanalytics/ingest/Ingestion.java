package org.unifiedanalytics.ingest;

import static org.unifiedanalytics.model.schema.Tables.SYNC_RUN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.CommonKeys;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigSpec;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.credentials.internal.AesGcmCipher;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.InMemoryCredentialStore;
import org.unifiedanalytics.connect.credentials.internal.CredentialKeyFile;
import org.unifiedanalytics.connect.credentials.internal.WarehouseCredentialStore;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.ingest.internal.RunLock;
import org.unifiedanalytics.ingest.internal.RunLog;
import org.unifiedanalytics.ingest.internal.RuntimeContext;
import org.unifiedanalytics.ingest.internal.RuntimeMetrics;
import org.unifiedanalytics.ingest.internal.StateStore;
import org.unifiedanalytics.ingest.internal.StreamRunner;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The entry point for running connectors into a warehouse: it finds every connector on the class path,
 * checks configurations, and runs incremental syncs and backfills, each page committed with its
 * checkpoint, every run recorded in the run log.
 *
 * <pre>{@code
 * Ingestion ingestion = Ingestion.on(warehouse);                      // finds every connector on the class path
 * SyncReport report = ingestion.sync("tiktok", ConfigValues.fromEnvironment("tiktok"));
 * report.failures().forEach(f -> log.warn("{}", f));
 * SyncReport backfill = ingestion.sync(SyncRequest.backfill("tiktok", values, new DateRange(from, to)));
 * }</pre>
 *
 * <p>Thread-safe. Two syncs of the same connector instance never run at once: the second is refused
 * with {@link SyncAlreadyRunningException}, in this process and across processes on one PostgreSQL.
 */
public final class Ingestion {
    private final Warehouse warehouse;
    private final ConnectorRegistry registry;
    private final Clock clock;
    private final RuntimeMetrics metrics;
    private final StateStore states;
    private final Optional<AesGcmCipher> credentialCipher;
    private final java.util.function.Function<String, CredentialStore> credentialStores;
    private final Map<String, CredentialStore> memoryCredentials = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean warnedAboutMemory = new java.util.concurrent.atomic.AtomicBoolean();

    private Ingestion(Builder builder) {
        this.warehouse = builder.warehouse;
        this.registry = builder.registry != null ? builder.registry : ConnectorRegistry.discover();
        this.clock = builder.clock;
        this.metrics = new RuntimeMetrics(builder.meterRegistry, builder.clock);
        this.states = new StateStore(builder.clock);
        this.credentialStores = builder.credentialStores;
        String environmentKey = System.getenv(CREDENTIALS_KEY_VARIABLE);
        this.credentialCipher = builder.credentialKey != null ? Optional.of(new AesGcmCipher(builder.credentialKey))
                : environmentKey != null && !environmentKey.isBlank() ? Optional.of(AesGcmCipher.fromBase64(environmentKey))
                : Optional.empty();
    }

    /** The environment variable holding the base64 AES-256 key that encrypts stored credentials. */
    public static final String CREDENTIALS_KEY_VARIABLE = "ANALYTICS_CREDENTIALS_KEY";

    /**
     * Where an instance keeps its tokens: the host's store; else the warehouse, encrypted under the key given,
     * the one in {@code ANALYTICS_CREDENTIALS_KEY}, or, for an embedded warehouse, the key file beside it (made
     * on first use); else, for a warehouse in memory, memory. A database other processes share gets no store
     * without a key: a rotated refresh token kept in one process's memory would lock the next run out.
     * Resolved when a connector first asks for it, so that connectors without tokens never need a key.
     */
    private CredentialStore credentialStore(String instance) {
        if (credentialStores != null) {
            return credentialStores.apply(instance);
        }
        Optional<AesGcmCipher> cipher = credentialCipher.or(() -> warehouse.location().embeddedFile()
                .map(file -> CredentialKeyFile.readOrCreate(CredentialKeyFile.beside(file))));
        if (cipher.isPresent()) {
            return new WarehouseCredentialStore(warehouse, cipher.get(), instance, clock);
        }
        if (warehouse.location().shared()) {
            throw new ConfigurationException(instance + " configuration", List.of("connector instance '" + instance
                    + "' keeps rotating OAuth tokens, and this warehouse is a database other processes share without a"
                    + " credentials key: a rotated refresh token kept in one process's memory would lock the next run out."
                    + " Set " + CREDENTIALS_KEY_VARIABLE + " to a base64 AES-256 key (`openssl rand -base64 32`), the same"
                    + " in every process, or pass Ingestion.builder(warehouse).credentialKey(...)"));
        }
        if (warnedAboutMemory.compareAndSet(false, true)) {
            org.slf4j.LoggerFactory.getLogger(Ingestion.class).warn("The warehouse lives in memory: refreshed tokens are kept"
                    + " there too and end with the process");
        }
        return memoryCredentials.computeIfAbsent(instance, i -> new InMemoryCredentialStore());
    }

    /** Ingestion into a warehouse with every connector on the class path, the system clock and a private meter registry. */
    public static Ingestion on(Warehouse warehouse) {
        return builder(warehouse).build();
    }

    public static Builder builder(Warehouse warehouse) {
        return new Builder(warehouse);
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /** A connector's configuration description, with the runtime's common keys added. */
    public ConfigSpec configSpec(String connectorId) {
        ConnectorProvider provider = registry.require(connectorId);
        return ConfigSpec.builder(connectorId).keys(provider.configSpec().keys()).keys(CommonKeys.ALL).build();
    }

    /** Validates values against the connector's spec, reporting every problem at once. */
    public ConnectorConfig configure(String connectorId, ConfigValues values) {
        return configSpec(connectorId).validate(values);
    }

    /**
     * Whether a configuration works, in one sentence; never throws for a bad configuration or a failing source.
     *
     * @throws UnknownConnectorException when no connector has this id, as {@link #sync(String, ConfigValues)} does
     */
    public CheckResult check(String connectorId, ConfigValues values) {
        registry.require(connectorId);
        ConnectorConfig config;
        try {
            config = configure(connectorId, values);
        } catch (ConfigurationException e) {
            return CheckResult.configuration(e.getMessage());
        }
        try (Connector connector = create(config).connector()) {
            return connector.check();
        } catch (ConfigurationException e) {
            return CheckResult.configuration(e.getMessage());
        } catch (RuntimeException e) {
            return CheckResult.transientFailure("the check failed: " + e.getMessage());
        }
    }

    /**
     * An incremental sync of every stream of every account.
     *
     * @throws UnknownConnectorException when no connector has this id
     * @throws ConfigurationException    naming every problem of the configuration, before anything is read
     * @throws SyncAlreadyRunningException when another sync of the same connector instance runs
     */
    public SyncReport sync(String connectorId, ConfigValues values) {
        return sync(SyncRequest.incremental(connectorId, values));
    }

    /** Runs a sync; a stream that fails does not stop the others, and the report says which failed and why. */
    public SyncReport sync(SyncRequest request) {
        Objects.requireNonNull(request, "request");
        ConnectorConfig config = configure(request.connectorId(), request.values());
        Created created = create(config);
        Instant started = clock.instant();
        List<StreamReport> reports = new ArrayList<>();
        try (Connector connector = created.connector(); RunLock lock = RunLock.acquire(warehouse, created.instance())) {
            RunLog runLog = new RunLog(warehouse.dsl(), clock);
            runLog.abandonStale(created.instance());
            List<SourceStream> streams = selectStreams(connector, request.streams());
            StreamRunner runner = new StreamRunner(new StreamRunner.Setup(warehouse, states, runLog, metrics, clock,
                    request.connectorId(), created.instance(), config.integer(CommonKeys.INITIAL_DAYS.name()),
                    request.progress()), created.context().statsForRunner());
            for (String account : connector.accounts()) {
                for (SourceStream stream : streams) {
                    reports.add(runner.run(account, stream, request.backfill()));
                }
            }
            linkWebPurchases();
            discardUnappliedChanges();
        }
        compactIfWorthIt();
        return new SyncReport(request.connectorId(), created.instance(), started, clock.instant(), reports);
    }

    /**
     * An embedded warehouse's file is compacted when most of it is superseded data (a backfill, or the daily
     * re-reads of recent days, rewrite many pages); a failure here fails no stream.
     */
    private void compactIfWorthIt() {
        try {
            warehouse.compactIfWorthIt().ifPresent(done -> org.slf4j.LoggerFactory.getLogger(Ingestion.class)
                    .info("Compacted the embedded warehouse: {}", done));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Ingestion.class).warn("The embedded warehouse was not compacted; the next"
                    + " sync tries again: {}", e.getMessage());
        }
    }

    /**
     * Web purchases whose order has arrived (from this sync or another) become their customers' touchpoints. A
     * failure here fails no stream: the next sync tries again.
     */
    private void linkWebPurchases() {
        try {
            org.unifiedanalytics.model.derive.PurchaseSessionTouchpoints.on(warehouse).refresh();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Ingestion.class).warn("linking web purchases to their orders failed; the "
                    + "next sync tries again: {}", e.getMessage());
        }
    }

    /** Change markers nobody would apply (no attribution credits are kept) go, so that they never pile up. */
    private void discardUnappliedChanges() {
        try {
            org.unifiedanalytics.model.AttributionChangeMarkers.on(warehouse).discardIfNoCreditsKept();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Ingestion.class).warn("discarding attribution change markers failed; the "
                    + "next sync tries again: {}", e.getMessage());
        }
    }

    /** The last run and freshness of every stream in the run log. */
    public List<StreamStatus> status() {
        Map<String, List<org.jooq.Record>> byStream = new LinkedHashMap<>();
        warehouse.dsl().selectFrom(SYNC_RUN).orderBy(SYNC_RUN.STARTED_AT.desc(), SYNC_RUN.RUN_ID.desc()).limit(50_000)
                .forEach(r -> byStream.computeIfAbsent(r.getConnectorInstance() + "\u0000" + r.getAccountId() + "\u0000"
                        + r.getStream(), k -> new ArrayList<>()).add(r));
        Instant now = clock.instant();
        List<StreamStatus> result = new ArrayList<>();
        for (List<org.jooq.Record> runs : byStream.values()) {
            var last = runs.get(0).into(SYNC_RUN);
            Optional<Instant> lastSuccess = runs.stream().map(r -> r.into(SYNC_RUN))
                    .filter(r -> r.getStatus().equals(StreamOutcome.SUCCEEDED.name()) && r.getFinishedAt() != null)
                    .map(r -> r.getFinishedAt().toInstant(ZoneOffset.UTC)).findFirst();
            result.add(new StreamStatus(last.getConnectorInstance(), last.getConnector(), last.getAccountId(),
                    last.getStream(), last.getMode(), last.getStatus(), last.getStartedAt().toInstant(ZoneOffset.UTC),
                    Optional.ofNullable(last.getFinishedAt()).map(t -> t.toInstant(ZoneOffset.UTC)),
                    Optional.ofNullable(last.getError()), lastSuccess, lastSuccess.map(t -> Duration.between(t, now))));
        }
        result.sort(java.util.Comparator.comparing(StreamStatus::instance).thenComparing(StreamStatus::account)
                .thenComparing(StreamStatus::stream));
        return result;
    }

    private List<SourceStream> selectStreams(Connector connector, Set<String> names) {
        List<SourceStream> all = connector.streams();
        if (names.isEmpty()) {
            return all;
        }
        List<String> known = all.stream().map(SourceStream::name).toList();
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("stream choice", List.of("unknown stream(s) " + unknown + "; the connector has "
                    + known));
        }
        return all.stream().filter(s -> names.contains(s.name())).toList();
    }

    private Created create(ConnectorConfig config) {
        String instance = config.optionalString(CommonKeys.INSTANCE.name()).orElse(config.connectorId());
        RuntimeContext context = new RuntimeContext(instance, config, clock, metrics, () -> credentialStore(instance));
        Connector connector = registry.require(config.connectorId()).create(context);
        return new Created(instance, context, connector);
    }

    private record Created(String instance, RuntimeContext context, Connector connector) {
    }

    /** Configures an {@link Ingestion}. Not thread-safe. */
    public static final class Builder {
        private final Warehouse warehouse;
        private ConnectorRegistry registry;
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();
        private byte[] credentialKey;
        private java.util.function.Function<String, CredentialStore> credentialStores;

        private Builder(Warehouse warehouse) {
            this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        }

        /** The connectors to use instead of discovering them. */
        public Builder registry(ConnectorRegistry registry) {
            this.registry = registry;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where the runtime's meters go: the host's registry. Default: a private {@link SimpleMeterRegistry}. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The AES-256 key (32 bytes) that encrypts stored credentials; default: the base64 key in {@code ANALYTICS_CREDENTIALS_KEY}. */
        public Builder credentialKey(byte[] key) {
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("the credentials key must be 32 bytes (AES-256)");
            }
            this.credentialKey = key.clone();
            return this;
        }

        /** Where each connector instance keeps its credentials, instead of the warehouse or memory (a host's vault, say). */
        public Builder credentialStores(java.util.function.Function<String, CredentialStore> perInstance) {
            this.credentialStores = java.util.Objects.requireNonNull(perInstance, "perInstance");
            return this;
        }

        public Ingestion build() {
            return new Ingestion(this);
        }
    }
}
