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
import picocli.AutoComplete;
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
@Command(name = "analytics", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        scope = CommandLine.ScopeType.INHERIT, showDefaultValues = true, usageHelpAutoWidth = true,
        description = "Sync marketing and sales sources into the analytics warehouse, and ask it what sells.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all went well", "1:a stream or the check failed", "2:bad usage or configuration"},
        subcommands = {Cli.Connectors.class, Cli.Check.class, Cli.Sync.class, Cli.Backfill.class, Cli.Status.class, Cli.Compact.class, RunCommand.class,
                QueryCommands.Import.class, QueryCommands.Attribution.class, QueryCommands.Funnel.class, QueryCommands.Kpis.class,
                CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class})
public final class Cli {

    // Options given before or after the command alike (INHERIT); values that may hold secrets never show in --help.
    @Option(names = "--database", scope = CommandLine.ScopeType.INHERIT, defaultValue = "${env:ANALYTICS_DATABASE_URL}",
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "JDBC URL of the warehouse (default: $ANALYTICS_DATABASE_URL, else the embedded H2 file of --embedded)")
    String database;

    @Option(names = "--database-user", scope = CommandLine.ScopeType.INHERIT, defaultValue = "${env:ANALYTICS_DATABASE_USER}",
            showDefaultValue = CommandLine.Help.Visibility.NEVER, description = "the database user (default: $ANALYTICS_DATABASE_USER)")
    String databaseUser;

    @Option(names = "--database-schema", scope = CommandLine.ScopeType.INHERIT, defaultValue = "analytics",
            description = "the schema the SDK keeps its tables in, with --database")
    String databaseSchema;

    @Option(names = "--database-password", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:ANALYTICS_DATABASE_PASSWORD}", arity = "0..1", interactive = true,
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "the database password (default: $ANALYTICS_DATABASE_PASSWORD); asked for when given without a value")
    String databasePassword;

    @Option(names = "--embedded", scope = CommandLine.ScopeType.INHERIT, defaultValue = "data/analytics",
            description = "the embedded warehouse file, without its .mv.db")
    Path embedded;

    @Option(names = {"-c", "--config"}, scope = CommandLine.ScopeType.INHERIT,
            description = "properties file with <connector>.<key>=value lines (default: " + DEFAULT_CONFIG
                    + " if present; a file named here must exist)")
    Path config;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "print nothing but errors: no progress bars, no report (the exit code tells the outcome)")
    boolean quiet;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "print the result as one JSON document on standard output, for scripts")
    boolean json;

    static final String DEFAULT_CONFIG = "analytics.properties";

    @Option(names = "--credentials-key", scope = CommandLine.ScopeType.INHERIT, defaultValue = "${env:ANALYTICS_CREDENTIALS_KEY}",
            showDefaultValue = CommandLine.Help.Visibility.NEVER, description = "base64 AES-256 key that encrypts refreshed OAuth tokens in the warehouse (default: $ANALYTICS_CREDENTIALS_KEY);"
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
        return commandLine().execute(args);
    }

    /** The command line, parsed and run by {@link #run}; its spec is what help and completion describe. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return e instanceof AnalyticsException ? 2 : 1;
        });
        return commandLine;
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
                if (cli.json) {
                    JsonReports.print(System.out, ingestion.registry().providers().stream().map(provider -> Map.of(
                            "id", provider.id(), "description", provider.description(),
                            "keys", ingestion.configSpec(provider.id()).keys().stream().map(key -> {
                                Map<String, Object> json = new java.util.LinkedHashMap<>();
                                json.put("name", key.name());
                                json.put("type", key.type().name().toLowerCase(java.util.Locale.ROOT));
                                json.put("required", key.required());
                                json.put("secret", key.secret());
                                json.put("default", key.defaultValue().orElse(null));
                                json.put("doc", key.doc());
                                return json;
                            }).toList())).toList());
                    return 0;
                }
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
                if (cli.json) {
                    JsonReports.print(System.out, JsonReports.check(connector, result));
                } else {
                    cli.out().println(connector + ": " + result);
                }
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
                return cli.report(cli.ingestion(warehouse).sync(request.withProgress(cli.progress())));
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
                return cli.report(cli.ingestion(warehouse).sync(request.withProgress(cli.progress())));
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
                if (cli.json) {
                    Map<String, Object> json = new java.util.LinkedHashMap<>();
                    json.put("warehouseBytes", warehouse.sizeOnDisk().isPresent() ? warehouse.sizeOnDisk().getAsLong() : null);
                    json.put("streams", JsonReports.status(status, nextRuns));
                    JsonReports.print(System.out, json);
                    return 0;
                }
                java.io.PrintStream out = cli.out();
                warehouse.sizeOnDisk().ifPresent(bytes -> out.println("embedded warehouse "
                        + cli.embedded.toAbsolutePath() + ".mv.db: " + org.unifiedanalytics.model.Compaction.mib(bytes)
                        + " on disk"));
                if (status.isEmpty()) {
                    out.println("no sync has run yet");
                }
                for (StreamStatus s : status) {
                    String next = !nextRuns.containsKey(s.instance()) ? ""
                            : nextRuns.get(s.instance()).map(t -> ", next run " + t).orElse(", waiting for re-authorization");
                    out.printf("%-16s %-16s %-14s last %-11s %-24s %s%s%s%n", s.instance(), s.account(), s.stream(),
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
                cli.out().printf("compacting %s.mv.db (%s) ...%n", cli.embedded.toAbsolutePath(),
                        org.unifiedanalytics.model.Compaction.mib(warehouse.sizeOnDisk().getAsLong()));
                var compacted = warehouse.compact();
                if (cli.json) {
                    JsonReports.print(System.out, Map.of("compacted", compacted.toString()));
                } else {
                    cli.out().println("compacted: " + compacted);
                }
                return 0;
            }
        }
    }

    private static Set<String> selected(List<String> streams) {
        return streams == null ? Set.of() : new HashSet<>(streams);
    }

    /** Where human-readable results go: standard output, or nowhere with {@code --quiet}. */
    java.io.PrintStream out() {
        return quiet ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.out;
    }

    /** A progress bar per stream on standard error, none with {@code --quiet}. */
    ProgressListener progress() {
        return quiet ? ProgressListener.NONE : new ProgressBars();
    }

    int report(SyncReport report) {
        if (json) {
            JsonReports.print(System.out, JsonReports.sync(report));
            return report.succeeded() ? 0 : 1;
        }
        java.io.PrintStream out = out();
        for (StreamReport stream : report.streams()) {
            out.println(stream);
        }
        long deferred = report.failures().stream().filter(s -> s.outcome() == StreamOutcome.QUOTA_EXHAUSTED).count();
        String outcome = report.succeeded() ? "all streams succeeded"
                : deferred == report.failures().size() ? deferred + " stream(s) stopped for a spent quota; run again after "
                + report.failures().stream().flatMap(s -> s.resumesAt().stream()).max(java.util.Comparator.naturalOrder())
                .map(Object::toString).orElse("it returns") + " to continue where they stopped"
                : report.failures().size() + " stream(s) failed";
        out.printf("%s: %d records written, %s%n", report.instance(), report.recordsWritten(), outcome);
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
