package org.unifiedanalytics.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unifiedanalytics.connect.QuotaExhaustedException;
import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.ingest.ProgressListener;
import org.unifiedanalytics.ingest.StreamOutcome;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.InvalidRecordsException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WriteResult;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * Runs one stream of one account: plans its windows or its cursor query, reads page by page, and
 * commits each page with its checkpoint in one transaction, so that a run killed at any moment resumes
 * from the last committed page and the warehouse ends as if it had never been interrupted.
 */
public final class StreamRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRunner.class);

    /** What the runner needs that does not change between streams. */
    public record Setup(Warehouse warehouse, StateStore states, RunLog runLog, RuntimeMetrics metrics, Clock clock,
                        String connector, String instance, int initialDays, ProgressListener progress) {
    }

    private final Setup setup;
    private final RuntimeMetrics.RequestStats stats;

    public StreamRunner(Setup setup, RuntimeMetrics.RequestStats stats) {
        this.setup = setup;
        this.stats = stats;
    }

    /** Runs the stream and reports; a failure is a report, never an exception, so other streams go on. */
    public StreamReport run(String account, SourceStream stream, Optional<DateRange> backfill) {
        String mode = backfill.isPresent() ? "backfill" : "incremental";
        Instant started = setup.clock().instant();
        long callsBefore = stats.calls();
        long retriesBefore = stats.retries();
        Progress progress = new Progress();
        long runId = setup.runLog().start(setup.instance(), setup.connector(), account, stream.name(), mode,
                backfill.map(DateRange::from).orElse(null), backfill.map(DateRange::lastDay).orElse(null));
        StreamOutcome outcome = StreamOutcome.SUCCEEDED;
        String error = null;
        Instant resumesAt = null;
        try {
            if (stream instanceof DailyStream daily) {
                runDaily(account, daily, backfill, progress);
            } else if (stream instanceof CursorStream cursor) {
                runCursor(account, cursor, backfill, progress);
            }
        } catch (ReauthorizationRequiredException e) {
            outcome = StreamOutcome.REAUTHORIZATION_REQUIRED;
            error = e.getMessage();
        } catch (QuotaExhaustedException e) {
            outcome = StreamOutcome.QUOTA_EXHAUSTED;
            error = e.getMessage();
            resumesAt = e.resumesAt();
            LOG.info("{}/{}/{} stopped after {} committed page(s): {}", setup.instance(), account, stream.name(),
                    progress.pages, error);
        } catch (Exception e) {
            outcome = StreamOutcome.FAILED;
            error = describe(e);
            LOG.warn("{}/{}/{} failed after {} committed page(s): {}", setup.instance(), account, stream.name(),
                    progress.pages, error);
        }
        Duration duration = Duration.between(started, setup.clock().instant());
        StreamReport report = new StreamReport(account, stream.name(), mode, outcome, progress.read, progress.written,
                progress.rejected, progress.pages, stats.calls() - callsBefore, stats.retries() - retriesBefore, duration,
                Optional.ofNullable(error), Optional.ofNullable(resumesAt), progress.notes);
        setup.runLog().finish(runId, report);
        setup.metrics().streamFinished(setup.instance(), stream.name(), outcome.name().toLowerCase(java.util.Locale.ROOT),
                duration);
        if (outcome == StreamOutcome.SUCCEEDED) {
            setup.metrics().succeeded(setup.instance(), stream.name(), setup.clock().instant());
        }
        setup.progress().streamFinished(report);
        return report;
    }

    private void runDaily(String account, DailyStream stream, Optional<DateRange> backfill, Progress progress)
            throws Exception {
        String stateKey = stateKey(stream, backfill);
        StreamState state = setup.warehouse().inTransaction(tx -> setup.states().load(tx.dsl(), setup.instance(), account,
                stateKey));
        DailyWindow window = stream.window();
        List<DateRange> windows = new ArrayList<>();
        Optional<String> resumeToken = Optional.empty();
        LocalDate start;
        LocalDate end;
        if (backfill.isPresent()) {
            start = state.completeThrough() == null ? backfill.get().from() : state.completeThrough().plusDays(1);
            end = backfill.get().toExclusive();
        } else {
            LocalDate today = LocalDate.now(setup.clock().withZone(stream.reportingZone(account)));
            end = today.plusDays(1);
            start = state.completeThrough() == null ? today.minusDays(setup.initialDays() - 1L)
                    : state.completeThrough().plusDays(1).minusDays(window.lookbackDays());
        }
        Optional<LocalDate> earliest = stream.earliestDay(account);
        if (earliest.isPresent() && start.isBefore(earliest.get()) && start.isBefore(end)) {
            LocalDate cut = earliest.get().isBefore(end) ? earliest.get() : end;
            progress.notes.add("the source no longer serves days before " + earliest.get() + ": [" + start + ", " + cut
                    + ") not read, stored days kept");
            start = cut;
        }
        if (state.dailyInFlight()) {
            windows.add(new DateRange(state.windowFrom(), state.windowTo()));
            resumeToken = Optional.ofNullable(state.nextPageToken());
            start = state.windowTo();
        }
        if (start.isBefore(end)) {
            windows.addAll(new DateRange(start, end).split(window.windowDays()));
        }
        setup.progress().streamStarted(account, stream.name(), windows.size());
        for (DateRange days : windows) {
            Optional<String> token = resumeToken;
            resumeToken = Optional.empty();
            boolean firstPage = token.isEmpty();
            while (true) {
                Page page = stream.readDays(account, days, token);
                boolean replace = firstPage && window.replacesDays();
                commit(account, stream, stateKey, page, progress, tx -> {
                    if (replace) {
                        for (Class<? extends WarehouseRecord> kind : window.replaceKinds()) {
                            tx.deleteDays(kind, window.replacePlatform(), account, days.from(), days.toExclusive());
                        }
                    }
                }, current -> page.isLast() ? current.windowDone(days.lastDay())
                        : current.windowPage(days.from(), days.toExclusive(), page.nextPageToken().get()));
                firstPage = false;
                if (page.isLast()) {
                    break;
                }
                token = page.nextPageToken();
            }
            progress.windows++;
        }
        finishBackfill(account, stream, backfill, stateKey);
    }

    private void runCursor(String account, CursorStream stream, Optional<DateRange> backfill, Progress progress)
            throws Exception {
        String stateKey = stateKey(stream, backfill);
        StreamState state = setup.warehouse().inTransaction(tx -> setup.states().load(tx.dsl(), setup.instance(), account,
                stateKey));
        Instant runStart = setup.clock().instant();
        Instant since;
        Instant until;
        Optional<String> token = Optional.empty();
        if (state.cursorInFlight()) {
            since = state.since();
            until = state.until();
            token = Optional.ofNullable(state.nextPageToken());
        } else if (backfill.isPresent()) {
            since = backfill.get().from().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant rangeEnd = backfill.get().toExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
            until = rangeEnd.isBefore(runStart) ? rangeEnd : runStart;
        } else {
            since = state.cursor() == null ? runStart.minus(Duration.ofDays(setup.initialDays()))
                    : state.cursor().minus(stream.overlap());
            until = runStart;
        }
        setup.progress().streamStarted(account, stream.name(), -1);
        if (!since.isBefore(until)) {
            return;
        }
        Instant from = since;
        Instant to = until;
        while (true) {
            Page page = stream.readChanges(account, from, to, token);
            commit(account, stream, stateKey, page, progress, tx -> { },
                    current -> page.isLast() ? current.queryDone(to) : current.queryPage(from, to, page.nextPageToken().get()));
            if (page.isLast()) {
                break;
            }
            token = page.nextPageToken();
        }
        finishBackfill(account, stream, backfill, stateKey);
    }

    /** Writes one page and its checkpoint in one transaction. */
    private void commit(String account, SourceStream stream, String stateKey, Page page, Progress progress,
                        TxStep before, java.util.function.UnaryOperator<StreamState> next) {
        checkKinds(stream, page);
        WriteResult result;
        try {
            result = setup.warehouse().inTransaction(tx -> {
                before.run(tx);
                WriteResult written = tx.write(page.records());
                StreamState current = setup.states().load(tx.dsl(), setup.instance(), account, stateKey);
                setup.states().save(tx.dsl(), setup.instance(), account, stateKey, next.apply(current));
                return written;
            });
        } catch (InvalidRecordsException e) {
            // The page was read, and refused whole: its records count as read, the invalid ones as rejected.
            progress.read += page.records().size();
            progress.rejected += e.violations().stream().mapToInt(InvalidRecordsException.RecordViolation::index).distinct().count();
            throw e;
        }
        progress.pages++;
        page.notes().stream().filter(note -> !progress.notes.contains(note)).forEach(progress.notes::add);
        progress.read += page.records().size();
        progress.written += result.recordsWritten();
        setup.metrics().recordsWritten(setup.instance(), stream.name(), result.recordsWritten());
        setup.progress().pageCommitted(account, stream.name(), page.records().size(), progress.windows);
    }

    /** A finished backfill hands over to the incremental state and leaves no state of its own. */
    private void finishBackfill(String account, SourceStream stream, Optional<DateRange> backfill, String stateKey) {
        if (backfill.isEmpty()) {
            return;
        }
        setup.warehouse().inTransaction(tx -> {
            StreamState incremental = setup.states().load(tx.dsl(), setup.instance(), account, stream.name());
            Instant rangeEnd = backfill.get().toExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant now = setup.clock().instant();
            StreamState advanced;
            if (incremental.dailyInFlight() || incremental.cursorInFlight()) {
                advanced = incremental;
            } else if (stream instanceof DailyStream) {
                advanced = incremental.windowDone(backfill.get().lastDay());
            } else {
                advanced = incremental.queryDone(rangeEnd.isBefore(now) ? rangeEnd : now);
            }
            setup.states().save(tx.dsl(), setup.instance(), account, stream.name(), advanced);
            setup.states().delete(tx.dsl(), setup.instance(), account, stateKey);
            return null;
        });
    }

    private static void checkKinds(SourceStream stream, Page page) {
        for (WarehouseRecord record : page.records()) {
            if (!stream.produces().contains(record.getClass())) {
                throw new AnalyticsException("stream '" + stream.name() + "' emitted " + record.describe()
                        + ", a kind it does not declare; it declares " + stream.produces().stream()
                        .map(Class::getSimpleName).toList());
            }
        }
    }

    private static String stateKey(SourceStream stream, Optional<DateRange> backfill) {
        return backfill.map(r -> stream.name() + "#backfill:" + r.from() + ".." + r.toExclusive()).orElse(stream.name());
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof AnalyticsException ? message : e.getClass().getSimpleName() + ": " + message;
    }

    @FunctionalInterface
    private interface TxStep {
        void run(org.unifiedanalytics.model.WarehouseTransaction tx);
    }

    private static final class Progress {
        int pages;
        int windows;
        long read;
        long written;
        long rejected;
        final List<String> notes = new ArrayList<>();
    }
}
