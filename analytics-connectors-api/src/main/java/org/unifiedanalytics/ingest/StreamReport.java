package org.unifiedanalytics.ingest;

import java.time.Duration;
import java.util.Optional;

/**
 * What one stream of one account did in a sync.
 *
 * @param mode            {@code incremental} or {@code backfill}
 * @param recordsRead     records the stream emitted
 * @param recordsWritten  records upserted (a record repeated within a page counts once)
 * @param recordsRejected records the warehouse refused as invalid; the page that held them was written not at all,
 *                        so the stream stopped there (its error names each record and field)
 * @param pages           pages committed, each with its checkpoint
 * @param apiCalls        HTTP attempts, retries included
 * @param retries         HTTP retries
 * @param error           why it failed, if it did
 * @param resumesAt       when the source serves requests again, if its quota was spent
 * @param notes           what a user should know of a run that succeeded (days the source no longer serves)
 */
public record StreamReport(String account, String stream, String mode, StreamOutcome outcome, long recordsRead,
                           long recordsWritten, long recordsRejected, int pages, long apiCalls, long retries, Duration duration,
                           Optional<String> error, Optional<java.time.Instant> resumesAt, java.util.List<String> notes) {

    public StreamReport {
        java.util.Objects.requireNonNull(error, "error");
        java.util.Objects.requireNonNull(resumesAt, "resumesAt");
        notes = java.util.List.copyOf(notes);
    }

    /** A report without notes. */
    public StreamReport(String account, String stream, String mode, StreamOutcome outcome, long recordsRead,
                        long recordsWritten, int pages, long apiCalls, long retries, Duration duration,
                        Optional<String> error, Optional<java.time.Instant> resumesAt) {
        this(account, stream, mode, outcome, recordsRead, recordsWritten, 0, pages, apiCalls, retries, duration, error,
                resumesAt, java.util.List.of());
    }

    /** A report of a stream that did not stop for a spent quota. */
    public StreamReport(String account, String stream, String mode, StreamOutcome outcome, long recordsRead,
                        long recordsWritten, int pages, long apiCalls, long retries, Duration duration,
                        Optional<String> error) {
        this(account, stream, mode, outcome, recordsRead, recordsWritten, pages, apiCalls, retries, duration, error,
                Optional.empty());
    }

    public boolean succeeded() {
        return outcome == StreamOutcome.SUCCEEDED;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s/%s %s %s: %d read, %d written%s, %d pages, %d API calls (%d retries), %d ms%s",
                account, stream, mode, outcome, recordsRead, recordsWritten,
                recordsRejected == 0 ? "" : ", " + recordsRejected + " rejected", pages, apiCalls, retries, duration.toMillis(),
                error.map(e -> " - " + e).orElse("")) + notes.stream().map(n -> " (" + n + ")").collect(
                java.util.stream.Collectors.joining());
    }
}
