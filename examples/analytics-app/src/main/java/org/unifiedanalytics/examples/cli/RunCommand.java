package org.unifiedanalytics.examples.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.scheduler.RefreshScheduler;
import org.unifiedanalytics.scheduler.RefreshStatus;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run}: keeps the warehouse fresh on each connector's {@code schedule} (a key of the configuration file or
 * {@code ANALYTICS_<CONNECTOR>_SCHEDULE}) until interrupted, for users who want the SDK's refresh without writing a
 * host application. Several {@code run}s on one PostgreSQL share the work.
 */
@Command(name = "run", description = "Refresh connectors on their schedules until stopped (Ctrl-C); several nodes on one "
        + "PostgreSQL share the work.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(arity = "1..*", description = "the connector ids; each refreshed on its 'schedule' key "
            + "('every 1h', 'daily 06:00 Europe/Paris', 'off'; default daily 04:00 UTC)")
    List<String> connectors;

    @Option(names = "--poll", defaultValue = "10s", converter = DurationConverter.class,
            description = "how often to look for due work (default: ${DEFAULT-VALUE})")
    Duration poll;

    @Option(names = "--heartbeat", defaultValue = "1m", converter = DurationConverter.class,
            description = "how often a running refresh says it is alive; six missed and another node takes it over (default: ${DEFAULT-VALUE})")
    Duration heartbeat;

    @Option(names = "--stop-after", converter = DurationConverter.class,
            description = "stop after this long (a bounded run, e.g. from cron); default: until interrupted")
    Duration stopAfter;

    @Override
    public Integer call() throws InterruptedException {
        try (Warehouse warehouse = cli.openWarehouse()) {
            RefreshScheduler.Builder builder = RefreshScheduler.builder(warehouse, cli.ingestion(warehouse))
                    .pollingInterval(poll).heartbeat(heartbeat, 6);
            connectors.forEach(id -> builder.connector(id, cli.values(id)));
            CountDownLatch stop = new CountDownLatch(1);
            try (RefreshScheduler scheduler = builder.build()) {
                Thread hook = new Thread(stop::countDown, "analytics-run-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                scheduler.start();
                System.out.println("Refreshing " + String.join(", ", connectors) + " on their schedules; Ctrl-C stops.");
                print(scheduler.status());
                if (stopAfter == null) {
                    stop.await();
                } else {
                    stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                print(scheduler.status());
            }
            return 0;
        }
    }

    private static void print(List<RefreshStatus> statuses) {
        for (RefreshStatus s : statuses) {
            System.out.printf("  %-14s %-28s %-24s last %-24s next %s%s%n", s.instance(),
                    s.account().isEmpty() ? "(not run yet)" : s.account() + "/" + s.stream(), s.schedule(),
                    s.lastStatus().orElse("-"), s.waitingForReauthorization() ? "after re-authorization"
                            : s.nextRun().map(Object::toString).orElse("-"), s.late() ? "  LATE" : "");
        }
    }

    /** Durations as {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip();
            if (v.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                return Duration.parse(v);
            }
            long amount = Long.parseLong(v.substring(0, v.length() - (v.endsWith("ms") ? 2 : 1)));
            if (v.endsWith("ms")) {
                return Duration.ofMillis(amount);
            }
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write 500ms, 30s, 5m or 2h");
            };
        }
    }
}
