package org.unifiedanalytics.ingest.internal;

import static org.unifiedanalytics.model.schema.Tables.SYNC_RUN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.unifiedanalytics.ingest.StreamReport;

/** The log of sync runs in {@code sync_run}: a row per account and stream, opened at start, closed at the end. */
public final class RunLog {
    public static final String RUNNING = "RUNNING";
    public static final String ABANDONED = "ABANDONED";

    private final DSLContext dsl;
    private final Clock clock;

    public RunLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public long start(String instance, String connector, String account, String stream, String mode, LocalDate windowStart,
                      LocalDate windowEnd) {
        return dsl.insertInto(SYNC_RUN)
                .set(SYNC_RUN.CONNECTOR_INSTANCE, instance)
                .set(SYNC_RUN.CONNECTOR, connector)
                .set(SYNC_RUN.ACCOUNT_ID, account)
                .set(SYNC_RUN.STREAM, stream)
                .set(SYNC_RUN.MODE, mode)
                .set(SYNC_RUN.WINDOW_START, windowStart)
                .set(SYNC_RUN.WINDOW_END, windowEnd)
                .set(SYNC_RUN.STARTED_AT, now())
                .set(SYNC_RUN.STATUS, RUNNING)
                .set(SYNC_RUN.RECORDS_READ, 0L)
                .set(SYNC_RUN.RECORDS_WRITTEN, 0L)
                .returningResult(SYNC_RUN.RUN_ID)
                .fetchOne(SYNC_RUN.RUN_ID);
    }

    public void finish(long runId, StreamReport report) {
        dsl.update(SYNC_RUN)
                .set(SYNC_RUN.FINISHED_AT, now())
                .set(SYNC_RUN.STATUS, report.outcome().name())
                .set(SYNC_RUN.RECORDS_READ, report.recordsRead())
                .set(SYNC_RUN.RECORDS_WRITTEN, report.recordsWritten())
                .set(SYNC_RUN.ERROR, report.error().map(RunLog::clip).orElse(null))
                .where(SYNC_RUN.RUN_ID.eq(runId))
                .execute();
    }

    /** Runs left RUNNING by a process that died: only called while holding the instance's run lock. */
    public int abandonStale(String instance) {
        return dsl.update(SYNC_RUN)
                .set(SYNC_RUN.STATUS, ABANDONED)
                .set(SYNC_RUN.FINISHED_AT, now())
                .set(SYNC_RUN.ERROR, "the process running it stopped before it finished; the next run resumed from its checkpoint")
                .where(SYNC_RUN.CONNECTOR_INSTANCE.eq(instance), SYNC_RUN.STATUS.eq(RUNNING))
                .execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
