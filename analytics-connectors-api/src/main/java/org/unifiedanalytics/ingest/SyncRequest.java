package org.unifiedanalytics.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.connect.stream.DateRange;

/**
 * A sync to run: which connector, with which configuration, which streams (all when empty), and whether
 * incrementally or as a backfill over a date range.
 *
 * <pre>{@code
 * SyncRequest request = SyncRequest.incremental("tiktok", ConfigValues.fromEnvironment("tiktok"))
 *         .withStreams(Set.of("video_metrics"));
 * SyncRequest backfill = SyncRequest.backfill("tiktok", values, new DateRange(from, to));
 * }</pre>
 */
public record SyncRequest(String connectorId, ConfigValues values, Set<String> streams, Optional<DateRange> backfill,
                          ProgressListener progress) {

    public SyncRequest {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(values, "values");
        streams = Set.copyOf(streams);
        Objects.requireNonNull(backfill, "backfill");
        Objects.requireNonNull(progress, "progress");
    }

    public static SyncRequest incremental(String connectorId, ConfigValues values) {
        return new SyncRequest(connectorId, values, Set.of(), Optional.empty(), ProgressListener.NONE);
    }

    public static SyncRequest backfill(String connectorId, ConfigValues values, DateRange range) {
        return new SyncRequest(connectorId, values, Set.of(), Optional.of(range), ProgressListener.NONE);
    }

    public SyncRequest withStreams(Set<String> names) {
        return new SyncRequest(connectorId, values, names, backfill, progress);
    }

    public SyncRequest withProgress(ProgressListener listener) {
        return new SyncRequest(connectorId, values, streams, backfill, listener);
    }

    public String mode() {
        return backfill.isPresent() ? "backfill" : "incremental";
    }
}
