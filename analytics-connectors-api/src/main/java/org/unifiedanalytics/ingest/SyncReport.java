package org.unifiedanalytics.ingest;

import java.time.Instant;
import java.util.List;

/** What a sync did: one report per account and stream. A stream that failed did not stop the others. */
public record SyncReport(String connector, String instance, Instant startedAt, Instant finishedAt,
                         List<StreamReport> streams) {

    public SyncReport {
        streams = List.copyOf(streams);
    }

    /** Whether every stream succeeded. */
    public boolean succeeded() {
        return streams.stream().allMatch(StreamReport::succeeded);
    }

    public long recordsWritten() {
        return streams.stream().mapToLong(StreamReport::recordsWritten).sum();
    }

    public List<StreamReport> failures() {
        return streams.stream().filter(s -> !s.succeeded()).toList();
    }
}
