package org.unifiedanalytics.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.SyncAlreadyRunningException;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.ingest.SyncRequest;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The scheduler's two task kinds: a connector's recurring refresh (one task instance per connector instance)
 * and a one-off backfill. A run's outcome decides what comes next: success, the next time of the schedule;
 * a failed stream, a retry with exponential backoff (then the next regular time); credentials refused, no
 * retry until the user re-authorizes; a spent quota, a run when the quota returns.
 */
public final class RefreshTasks {
    public static final String REFRESH = "analytics-refresh";
    public static final String BACKFILL = "analytics-backfill";
    public static final String METER = "analytics.scheduler.runs";
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTasks.class);
    /** What a node does with a task for a connector it has no configuration for: look again shortly. */
    private static final Duration UNKNOWN_CONNECTOR_RETRY = Duration.ofMinutes(1);

    private final Ingestion ingestion;
    private final Map<String, ScheduledConnector> connectors;
    private final int retries;
    private final Duration initialBackoff;
    private final MeterRegistry meters;
    private final Duration busyRetry;

    /**
     * @param busyRetry how soon to try again when another run of the same connector instance holds its lock (a
     *                  backfill beside a refresh, a sync by hand): waiting is not failing
     */
    public RefreshTasks(Ingestion ingestion, Map<String, ScheduledConnector> connectors, int retries, Duration initialBackoff,
                        Duration busyRetry, MeterRegistry meters) {
        this.busyRetry = busyRetry;
        this.ingestion = ingestion;
        this.connectors = Map.copyOf(connectors);
        this.retries = retries;
        this.initialBackoff = initialBackoff;
        this.meters = meters;
    }

    /** A refused run of a stream (not credentials, not quota): db-scheduler's failure handler retries it. */
    static final class RefreshFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefreshFailed(String message) {
            super(message);
        }
    }

    public CustomTask<Void> refreshTask() {
        FailureHandler<Void> afterRetries = (complete, operations) -> {
            ScheduledConnector connector = connectors.get(complete.getExecution().taskInstance.getId());
            Instant next = connector == null ? complete.getTimeDone().plus(UNKNOWN_CONNECTOR_RETRY)
                    : connector.schedule().next(complete.getTimeDone());
            operations.reschedule(complete, next);
        };
        return Tasks.custom(REFRESH, Void.class)
                .onFailure(FailureHandler.<Void>maxRetries(retries).withBackoff(initialBackoff, 2.0).then(afterRetries))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    ScheduledConnector connector = connectors.get(instance.getId());
                    if (connector == null) {
                        LOG.warn("no configuration for connector instance '{}' on this node; every replica should "
                                + "schedule the same connectors", instance.getId());
                        return (complete, operations) -> operations.reschedule(complete,
                                complete.getTimeDone().plus(UNKNOWN_CONNECTOR_RETRY));
                    }
                    SyncReport report;
                    try {
                        report = ingestion.sync(SyncRequest.incremental(connector.connectorId(), connector.values()));
                    } catch (SyncAlreadyRunningException busy) {
                        return later();
                    }
                    return next(connector.instance(), report, done -> connector.schedule().next(done));
                });
    }

    public CustomTask<BackfillJob> backfillTask() {
        return Tasks.custom(BACKFILL, BackfillJob.class)
                .onFailure(FailureHandler.<BackfillJob>maxRetries(retries).withBackoff(initialBackoff, 2.0)
                        .then((complete, operations) -> {
                            LOG.warn("backfill {} failed {} times; it is removed: schedule it again to resume from its "
                                    + "checkpoint", complete.getExecution().taskInstance.getId(), retries + 1);
                            operations.remove();
                        }))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    BackfillJob job = instance.getData();
                    ScheduledConnector connector = connectors.get(job.instance());
                    if (connector == null) {
                        return (complete, operations) -> operations.reschedule(complete,
                                complete.getTimeDone().plus(UNKNOWN_CONNECTOR_RETRY));
                    }
                    DateRange range = new DateRange(LocalDate.parse(job.from()), LocalDate.parse(job.toExclusive()));
                    SyncReport report;
                    try {
                        report = ingestion.sync(SyncRequest.backfill(connector.connectorId(), connector.values(), range));
                    } catch (SyncAlreadyRunningException busy) {
                        return later();
                    }
                    return next(connector.instance(), report, null);
                });
    }

    /**
     * What follows a run. {@code regular} gives the next regular time (a refresh), or is null for a one-off,
     * which is removed when it succeeds.
     */
    private <T> CompletionHandler<T> next(String instance, SyncReport report, Function<Instant, Instant> regular) {
        Optional<StreamReport> failed = report.streams().stream().filter(s -> s.outcome() == StreamOutcome.FAILED).findFirst();
        boolean reauthorize = report.streams().stream().anyMatch(s -> s.outcome() == StreamOutcome.REAUTHORIZATION_REQUIRED);
        Optional<Instant> quotaBack = report.streams().stream().filter(s -> s.outcome() == StreamOutcome.QUOTA_EXHAUSTED)
                .flatMap(s -> s.resumesAt().stream()).max(Comparator.naturalOrder());
        if (failed.isPresent()) {
            count(instance, "failed");
            throw new RefreshFailed(instance + ": " + report.failures().size() + " stream(s) failed; first: " + failed.get());
        }
        if (reauthorize) {
            count(instance, "reauthorization_required");
            LOG.warn("{}: the source refused the credentials; no more refreshes until it is re-authorized", instance);
            return (complete, operations) -> operations.reschedule(complete, Schedule.NEVER);
        }
        if (quotaBack.isPresent()) {
            count(instance, "quota_exhausted");
            Instant back = quotaBack.get();
            return (complete, operations) -> operations.reschedule(complete,
                    back.isAfter(complete.getTimeDone()) ? back : complete.getTimeDone());
        }
        count(instance, "succeeded");
        if (regular == null) {
            return (complete, operations) -> operations.remove();
        }
        return (complete, operations) -> operations.reschedule(complete, regular.apply(complete.getTimeDone()));
    }

    private <T> CompletionHandler<T> later() {
        return (complete, operations) -> operations.reschedule(complete, complete.getTimeDone().plus(busyRetry));
    }

    private void count(String instance, String outcome) {
        meters.counter(METER, "instance", instance, "outcome", outcome).increment();
    }
}
