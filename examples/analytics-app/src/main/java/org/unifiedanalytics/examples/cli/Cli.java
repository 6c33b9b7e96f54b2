package org.unifiedanalytics.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.ProgressListener;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.StreamStatus;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.Warehouse;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line over the SDK's public API: {@code connectors}, {@code check}, {@code sync},
 * {@code backfill}, {@code status} and {@code run} (the scheduler, until stopped). Configuration comes from a properties file
 * ({@code <connector>.<key>=value}) and {@code ANALYTICS_<CONNECTOR>_<KEY>} environment variables,
 * which win; the warehouse is an embedded H2 file unless {@code --database} names a JDBC URL.
 *
 * <p>Exit codes: 0 all went well, 1 a stream or check failed, 2 bad usage or configuration.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true, version = "Unified Analytics 0.1.0",
        description = "Sync marketing and sales sources into the analytics warehouse.",
        subcommands = {Cli.Connectors.class, Cli.Check.class, Cli.Sync.class, Cli.Backfill.class, Cli.Status.class, Cli.Compact.class, RunCommand.class,
                QueryCommands.Import.class, QueryCommands.Attribution.class, QueryCommands.Funnel.class, QueryCommands.Kpis.class})
public final class Cli {

    @Option(names = "--database", description = "JDBC URL of the warehouse (default: embedded H2 at ./data/analytics)",
            defaultValue = "${env:ANALYTICS_DATABASE_URL}")
    String database;

    @Option(names = "--database-user", defaultValue = "${env:ANALYTICS_DATABASE_USER}")
    String databaseUser;

    @Option(names = "--database-schema", defaultValue = "analytics",
            description = "the schema the SDK keeps its tables in, with --database (default: ${DEFAULT-VALUE})")
    String databaseSchema;

    @Option(names = "--database-password", defaultValue = "${env:ANALYTICS_DATABASE_PASSWORD}", arity = "0..1",
            interactive = true, description = "asked for when given without a value")
    String databasePassword;

    @Option(names = "--embedded", description = "the embedded warehouse file (default: ${DEFAULT-VALUE})",
            defaultValue = "data/analytics")
    Path embedded;

    @Option(names = {"-c", "--config"}, description = "properties file with <connector>.<key>=value lines (default: "
            + DEFAULT_CONFIG + " if present; a file named here must exist)")
    Path config;

    static final String DEFAULT_CONFIG = "analytics.properties";

    @Option(names = "--credentials-key", defaultValue = "${env:ANALYTICS_CREDENTIALS_KEY}",
            description = "base64 AES-256 key that encrypts refreshed OAuth tokens in the warehouse (default: $ANALYTICS_CREDENTIALS_KEY);"
                    + " without it, the embedded warehouse uses the key file beside it (made on first use), and a shared"
                    + " database refuses connectors whose tokens rotate")
    String credentialsKey;

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return e instanceof AnalyticsException ? 2 : 1;
        });
        return commandLine.execute(args);
    }

    Warehouse openWarehouse() {
        Warehouse warehouse = database == null || database.isBlank() ? Warehouse.embedded(embedded)
                : Warehouse.builder().jdbcUrl(database).credentials(databaseUser, databasePassword).schema(databaseSchema).build();
        warehouse.migrate();
        return warehouse;
    }

    Ingestion ingestion(Warehouse warehouse) {
        Ingestion.Builder builder = Ingestion.builder(warehouse);
        if (credentialsKey != null && !credentialsKey.isBlank()) {
            builder.credentialKey(java.util.Base64.getDecoder().decode(credentialsKey.strip()));
        }
        return builder.build();
    }

    ConfigValues values(String connectorId) {
        if (config != null && !Files.isRegularFile(config)) {
            throw new org.unifiedanalytics.model.ConfigurationException("command line", java.util.List.of("the configuration file "
                    + config.toAbsolutePath() + " given with -c does not exist"));
        }
        Path file = config != null ? config : Path.of(DEFAULT_CONFIG);
        ConfigValues fromFile = Files.exists(file) ? ConfigValues.fromProperties(file, connectorId) : ConfigValues.empty();
        return fromFile.overriddenBy(ConfigValues.fromEnvironment(connectorId));
    }

    @Command(name = "connectors", description = "List the connectors found on the class path, with their configuration keys.")
    static final class Connectors implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                Ingestion ingestion = cli.ingestion(warehouse);
                for (ConnectorProvider provider : ingestion.registry().providers()) {
                    System.out.printf("%s - %s%n", provider.id(), provider.description());
                    for (ConfigKey key : ingestion.configSpec(provider.id()).keys()) {
                        System.out.printf("    %-22s %-8s %-9s %s%s%n", key.name(), key.type().name().toLowerCase(),
                                key.required() ? "required" : "optional", key.doc(),
                                key.defaultValue().map(d -> " (default " + d + ")").orElse(""));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Tell in one sentence whether a connector's credentials and accounts work.")
    static final class Check implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", description = "the connector id")
        String connector;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                CheckResult result = cli.ingestion(warehouse).check(connector, cli.values(connector));
                System.out.println(connector + ": " + result);
                return result.isOk() ? 0 : result.status() == CheckResult.Status.CONFIGURATION ? 2 : 1;
            }
        }
    }

    @Command(name = "sync", description = "Sync a connector incrementally: new data, and recent days again.")
    static final class Sync implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", description = "the connector id")
        String connector;

        @Option(names = "--streams", split = ",", description = "only these streams")
        List<String> streams;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                SyncRequest request = SyncRequest.incremental(connector, cli.values(connector)).withStreams(selected(streams));
                return report(cli.ingestion(warehouse).sync(request.withProgress(new ProgressBars())));
            }
        }
    }

    @Command(name = "backfill", description = "Read a connector's history over a date range, resumably, with a progress bar per stream.")
    static final class Backfill implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", description = "the connector id")
        String connector;

        @Option(names = "--from", required = true, description = "first day, e.g. 2026-01-01")
        LocalDate from;

        @Option(names = "--to", required = true, description = "the day after the last, e.g. 2026-03-01")
        LocalDate to;

        @Option(names = "--streams", split = ",", description = "only these streams")
        List<String> streams;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                SyncRequest request = SyncRequest.backfill(connector, cli.values(connector), new DateRange(from, to))
                        .withStreams(selected(streams));
                return report(cli.ingestion(warehouse).sync(request.withProgress(new ProgressBars())));
            }
        }
    }

    @Command(name = "status", description = "Show the last run and the freshness of every stream.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                List<StreamStatus> status = cli.ingestion(warehouse).status();
                var nextRuns = org.unifiedanalytics.scheduler.RefreshScheduler.nextRuns(warehouse);
                warehouse.sizeOnDisk().ifPresent(bytes -> System.out.println("embedded warehouse "
                        + cli.embedded.toAbsolutePath() + ".mv.db: " + org.unifiedanalytics.model.Compaction.mib(bytes)
                        + " on disk"));
                if (status.isEmpty()) {
                    System.out.println("no sync has run yet");
                }
                for (StreamStatus s : status) {
                    String next = !nextRuns.containsKey(s.instance()) ? ""
                            : nextRuns.get(s.instance()).map(t -> ", next run " + t).orElse(", waiting for re-authorization");
                    System.out.printf("%-16s %-16s %-14s last %-11s %-24s %s%s%s%n", s.instance(), s.account(), s.stream(),
                            s.lastMode(), s.lastStatus(), s.freshness().map(f -> "fresh as of " + human(f) + " ago")
                                    .orElse("never succeeded"), next, s.lastError().map(e -> " - " + e).orElse(""));
                }
                return 0;
            }
        }
    }

    @Command(name = "compact", description = "Give the embedded warehouse's unused space back to the disk now (it also happens by"
            + " itself after imports, syncs and backfills, when it pays).")
    static final class Compact implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            try (Warehouse warehouse = cli.openWarehouse()) {
                if (warehouse.sizeOnDisk().isEmpty()) {
                    throw new org.unifiedanalytics.model.ConfigurationException("command line", List.of("compact works on the"
                            + " embedded warehouse; " + warehouse + " reclaims space itself (PostgreSQL: VACUUM)"));
                }
                System.out.printf("compacting %s.mv.db (%s) ...%n", cli.embedded.toAbsolutePath(),
                        org.unifiedanalytics.model.Compaction.mib(warehouse.sizeOnDisk().getAsLong()));
                System.out.println("compacted: " + warehouse.compact());
                return 0;
            }
        }
    }

    private static Set<String> selected(List<String> streams) {
        return streams == null ? Set.of() : new HashSet<>(streams);
    }

    private static int report(SyncReport report) {
        for (StreamReport stream : report.streams()) {
            System.out.println(stream);
        }
        long deferred = report.failures().stream().filter(s -> s.outcome() == StreamOutcome.QUOTA_EXHAUSTED).count();
        String outcome = report.succeeded() ? "all streams succeeded"
                : deferred == report.failures().size() ? deferred + " stream(s) stopped for a spent quota; run again after "
                + report.failures().stream().flatMap(s -> s.resumesAt().stream()).max(java.util.Comparator.naturalOrder())
                .map(Object::toString).orElse("it returns") + " to continue where they stopped"
                : report.failures().size() + " stream(s) failed";
        System.out.printf("%s: %d records written, %s%n", report.instance(), report.recordsWritten(), outcome);
        return report.succeeded() ? 0 : 1;
    }

    private static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }

    private Cli() {
    }

}
