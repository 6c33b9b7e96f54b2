package org.unifiedanalytics.scheduler;

import static org.unifiedanalytics.model.schema.Tables.ANALYTICS_SCHEDULED_TASKS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.unifiedanalytics.connect.CommonKeys;
import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamStatus;
import org.unifiedanalytics.model.ConfigurationException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.scheduler.internal.BackfillJob;
import org.unifiedanalytics.scheduler.internal.RefreshTasks;
import org.unifiedanalytics.scheduler.internal.ScheduledConnector;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Keeps the warehouse fresh without a cron job: each configured connector is refreshed on its schedule, and
 * backfills run as one-off jobs, on db-scheduler over the warehouse's own database. Several replicas of a host
 * application share the work: each refresh runs once, on whichever node picks it, and a crashed node's run is
 * picked up by another after its heartbeats stop. What a refresh reads comes from the sync state, never from
 * when it fired.
 *
 * <pre>{@code
 * try (RefreshScheduler scheduler = RefreshScheduler.builder(warehouse, Ingestion.on(warehouse))
 *         .connector("tiktok", ConfigValues.fromEnvironment("tiktok"))            // its 'schedule' key: every 1h, ...
 *         .connector("ga4", ga4Values, RefreshSchedule.parse("daily 06:00 Europe/Paris"))
 *         .build()) {
 *     scheduler.start();
 *     scheduler.backfill("ga4", new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-01")));
 *     scheduler.status().forEach(s -> log.info("{}", s));
 * }
 * }</pre>
 *
 * <p>Every replica configures the same connectors. Thread-safe.
 */
public final class RefreshScheduler implements AutoCloseable {
    private final Warehouse warehouse;
    private final Ingestion ingestion;
    private final Clock clock;
    private final Map<String, ScheduledConnector> connectors;
    private final Scheduler scheduler;
    private final RefreshTasks tasks;
    private final com.github.kagkarlsson.scheduler.task.helper.CustomTask<Void> refresh;
    private final com.github.kagkarlsson.scheduler.task.helper.CustomTask<BackfillJob> backfill;

    private RefreshScheduler(Builder builder, Map<String, ScheduledConnector> connectors) {
        this.warehouse = builder.warehouse;
        this.ingestion = builder.ingestion;
        this.clock = builder.clock;
        this.connectors = Map.copyOf(connectors);
        Map<String, ScheduledConnector> scheduled = new LinkedHashMap<>(connectors);
        scheduled.values().removeIf(c -> c.schedule() instanceof RefreshSchedule.Off);
        this.tasks = new RefreshTasks(ingestion, scheduled, builder.retries, builder.initialBackoff, builder.pollingInterval,
                builder.meters);
        this.refresh = tasks.refreshTask();
        this.backfill = tasks.backfillTask();
        List<Task<?>> known = List.of(refresh, backfill);
        this.scheduler = builder.schedulerFactory != null ? builder.schedulerFactory.apply(known)
                : new SchedulerBuilder(warehouse.dataSource(), known)
                .tableName(tableName(warehouse))
                .serializer(new JacksonSerializer())
                .clock(clock::instant)
                .threads(builder.threads)
                .pollingInterval(builder.pollingInterval)
                .heartbeatInterval(builder.heartbeatInterval)
                .missedHeartbeatsLimit(builder.missedHeartbeats)
                .shutdownMaxWait(builder.shutdownMaxWait)
                .commitWhenAutocommitDisabled(true)
                .build();
    }

    /** The scheduler's table, in the SDK's schema, so it never meets a host's own db-scheduler table. */
    public static String tableName(Warehouse warehouse) {
        return warehouse.schema() + "." + ANALYTICS_SCHEDULED_TASKS.getName();
    }

    public static Builder builder(Warehouse warehouse, Ingestion ingestion) {
        return new Builder(warehouse, ingestion);
    }

    /**
     * Puts every scheduled connector's refresh in the table (once, whichever replica comes first: a refresh
     * already there keeps its time), removes the refreshes of connectors switched off, and starts picking work.
     */
    public void start() {
        Instant now = clock.instant();
        for (ScheduledConnector connector : connectors.values()) {
            TaskInstanceId id = TaskInstanceId.of(RefreshTasks.REFRESH, connector.instance());
            boolean exists = scheduler.getScheduledExecution(id).isPresent();
            if (connector.schedule() instanceof RefreshSchedule.Off) {
                if (exists) {
                    scheduler.cancel(id);
                }
            } else if (!exists) {
                // The first refresh runs now: data is only as fresh as the last sync, which may be long ago.
                scheduler.scheduleIfNotExists(refresh.instance(connector.instance()), now);
            }
        }
        scheduler.start();
    }

    /** Schedules a one-off backfill, now; picked by any replica and resumable from its checkpoints. Idempotent. */
    public void backfill(String instance, DateRange range) {
        requireScheduled(instance);
        String id = instance + ":" + range.from() + ".." + range.toExclusive();
        scheduler.scheduleIfNotExists(backfill.instance(id, new BackfillJob(instance, range.from().toString(),
                range.toExclusive().toString())), clock.instant());
    }

    /** The credentials were fixed: refresh the connector now, instead of waiting as it does after a refusal. */
    public void reauthorized(String instance) {
        requireScheduled(instance);
        TaskInstanceId id = TaskInstanceId.of(RefreshTasks.REFRESH, instance);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.reschedule(id, clock.instant());
        } else {
            scheduler.scheduleIfNotExists(refresh.instance(instance), clock.instant());
        }
    }

    /** When the connector is refreshed next, if it is scheduled and not waiting for re-authorization. */
    public Optional<Instant> nextRun(String instance) {
        return warehouse.dsl().select(ANALYTICS_SCHEDULED_TASKS.EXECUTION_TIME).from(ANALYTICS_SCHEDULED_TASKS)
                .where(ANALYTICS_SCHEDULED_TASKS.TASK_NAME.eq(RefreshTasks.REFRESH), ANALYTICS_SCHEDULED_TASKS.TASK_INSTANCE.eq(instance))
                .fetchOptional(ANALYTICS_SCHEDULED_TASKS.EXECUTION_TIME).map(java.time.OffsetDateTime::toInstant);
    }

    /**
     * The next refresh of every connector instance a scheduler put in this warehouse, read from its table (no
     * scheduler need run here): an instant, or empty while the instance waits for re-authorization.
     */
    public static Map<String, Optional<Instant>> nextRuns(Warehouse warehouse) {
        Map<String, Optional<Instant>> next = new java.util.TreeMap<>();
        warehouse.dsl().select(ANALYTICS_SCHEDULED_TASKS.TASK_INSTANCE, ANALYTICS_SCHEDULED_TASKS.EXECUTION_TIME)
                .from(ANALYTICS_SCHEDULED_TASKS).where(ANALYTICS_SCHEDULED_TASKS.TASK_NAME.eq(RefreshTasks.REFRESH))
                .forEach(r -> {
                    Instant at = r.value2().toInstant();
                    next.put(r.value1(), at.isBefore(Schedule.NEVER) ? Optional.of(at) : Optional.empty());
                });
        return next;
    }

    /** Every stream of every configured connector: last success and failure, next run, lag, and whether it is late. */
    public List<RefreshStatus> status() {
        Instant now = clock.instant();
        List<StreamStatus> runs = ingestion.status();
        List<RefreshStatus> statuses = new ArrayList<>();
        for (ScheduledConnector connector : connectors.values()) {
            Optional<Instant> next = nextRun(connector.instance());
            boolean waiting = next.isPresent() && !next.get().isBefore(Schedule.NEVER);
            Optional<Instant> nextRun = waiting ? Optional.empty() : next;
            Duration expected = connector.schedule().expectedInterval();
            List<StreamStatus> streams = runs.stream().filter(r -> r.instance().equals(connector.instance())).toList();
            if (streams.isEmpty()) {
                statuses.add(new RefreshStatus(connector.instance(), connector.connectorId(), "", "", connector.schedule().toString(),
                        Optional.empty(), Optional.empty(), Optional.empty(), nextRun, Optional.empty(),
                        !(connector.schedule() instanceof RefreshSchedule.Off), waiting));
                continue;
            }
            for (StreamStatus stream : streams) {
                Optional<Duration> lag = stream.lastSuccessAt().map(t -> Duration.between(t, now));
                boolean late = !(connector.schedule() instanceof RefreshSchedule.Off)
                        && lag.map(l -> l.compareTo(expected.multipliedBy(2)) > 0).orElse(true);
                boolean refused = stream.lastStatus().equals(StreamOutcome.REAUTHORIZATION_REQUIRED.name());
                statuses.add(new RefreshStatus(connector.instance(), connector.connectorId(), stream.account(), stream.stream(),
                        connector.schedule().toString(), Optional.of(stream.lastStatus()), stream.lastSuccessAt(),
                        stream.lastError(), nextRun, lag, late, waiting || refused && nextRun.isEmpty()));
            }
        }
        return statuses;
    }

    /** Stops picking work and waits for running refreshes, up to the shutdown wait; they resume from their checkpoints. */
    @Override
    public void close() {
        scheduler.stop();
    }

    private void requireScheduled(String instance) {
        ScheduledConnector connector = connectors.get(instance);
        if (connector == null || connector.schedule() instanceof RefreshSchedule.Off) {
            throw new IllegalArgumentException("'" + instance + "' is not a scheduled connector instance; scheduled: "
                    + connectors.values().stream().filter(c -> !(c.schedule() instanceof RefreshSchedule.Off))
                    .map(ScheduledConnector::instance).sorted().toList());
        }
    }

    /** Configures a {@link RefreshScheduler}; {@link #build()} reports every invalid setting at once. Not thread-safe. */
    public static final class Builder {
        private final Warehouse warehouse;
        private final Ingestion ingestion;
        /** A connector as configured: its schedule, or null to read it from its {@code schedule} key. */
        private record Configured(String connectorId, ConfigValues values, RefreshSchedule schedule) {
        }

        private final List<Configured> connectors = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int retries = 3;
        private Duration initialBackoff = Duration.ofMinutes(5);
        private int threads = 2;
        private Duration pollingInterval = Duration.ofSeconds(10);
        private Duration heartbeatInterval = Duration.ofMinutes(1);
        private int missedHeartbeats = 6;
        private Duration shutdownMaxWait = Duration.ofMinutes(2);
        private MeterRegistry meters = new SimpleMeterRegistry();
        private Function<List<Task<?>>, Scheduler> schedulerFactory;

        private Builder(Warehouse warehouse, Ingestion ingestion) {
            this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
            this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        }

        /** A connector refreshed on the schedule of its {@code schedule} key (default: daily at 04:00 UTC). */
        public Builder connector(String connectorId, ConfigValues values) {
            connectors.add(new Configured(connectorId, values, null));
            return this;
        }

        /** A connector refreshed on this schedule, whatever its {@code schedule} key says. */
        public Builder connector(String connectorId, ConfigValues values, RefreshSchedule schedule) {
            connectors.add(new Configured(connectorId, values, Objects.requireNonNull(schedule, "schedule")));
            return this;
        }

        /** Retries of a failed refresh, the first after {@code initialBackoff}, each wait twice the last. */
        public Builder retries(int attempts, Duration initialBackoff) {
            this.retries = attempts;
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Refreshes run at once on this node (default 2). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** How often the node looks for due work (default 10 s). */
        public Builder pollingInterval(Duration interval) {
            this.pollingInterval = interval;
            return this;
        }

        /** How often a running refresh says it is alive, and after how many missed beats another node takes it over. */
        public Builder heartbeat(Duration interval, int missedBeforeDead) {
            this.heartbeatInterval = interval;
            this.missedHeartbeats = missedBeforeDead;
            return this;
        }

        /** How long {@link #close()} waits for running refreshes (default 2 min). */
        public Builder shutdownMaxWait(Duration wait) {
            this.shutdownMaxWait = wait;
            return this;
        }

        /** Where the refresh counters go (tagged by instance and outcome); default a private registry. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Tests: the db-scheduler instance to run on (a manual scheduler with a settable clock). */
        Builder schedulerFactory(Function<List<Task<?>>, Scheduler> factory) {
            this.schedulerFactory = factory;
            return this;
        }

        public RefreshScheduler build() {
            List<String> problems = new ArrayList<>();
            Map<String, ScheduledConnector> configured = new LinkedHashMap<>();
            for (Configured entry : connectors) {
                String id = entry.connectorId();
                ConfigValues values = entry.values();
                RefreshSchedule schedule = entry.schedule();
                ConnectorConfig config;
                try {
                    config = ingestion.configure(id, values);
                } catch (ConfigurationException e) {
                    e.problems().forEach(p -> problems.add(id + ": " + p));
                    continue;
                } catch (RuntimeException e) {
                    problems.add(id + ": " + e.getMessage());
                    continue;
                }
                String instance = config.optionalString(CommonKeys.INSTANCE.name()).orElse(id);
                if (schedule == null) {
                    try {
                        schedule = RefreshSchedule.parse(config.string(CommonKeys.SCHEDULE.name()));
                    } catch (IllegalArgumentException e) {
                        problems.add(id + ".schedule: " + e.getMessage());
                        continue;
                    }
                }
                if (configured.containsKey(instance)) {
                    problems.add(id + ": instance '" + instance + "' is configured twice; give one an 'instance' name");
                }
                configured.put(instance, new ScheduledConnector(instance, id, values, schedule));
            }
            if (retries < 0) {
                problems.add("retries must not be negative, got " + retries);
            }
            if (missedHeartbeats < 4) {
                problems.add("a node is dead after at least 4 missed heartbeats (db-scheduler's floor), got " + missedHeartbeats);
            }
            if (threads < 1) {
                problems.add("threads must be at least 1, got " + threads);
            }
            for (Map.Entry<String, Duration> d : Map.of("retry backoff", initialBackoff, "polling interval", pollingInterval,
                    "heartbeat interval", heartbeatInterval).entrySet()) {
                if (d.getValue() == null || d.getValue().isNegative() || d.getValue().isZero()) {
                    problems.add(d.getKey() + " must be positive, got " + d.getValue());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("scheduler configuration", problems);
            }
            return new RefreshScheduler(this, configured);
        }
    }
}
