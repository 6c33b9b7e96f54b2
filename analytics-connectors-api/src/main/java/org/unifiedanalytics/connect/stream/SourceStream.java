package org.unifiedanalytics.connect.stream;

import java.util.List;

import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * One stream of a connector: a named kind of data it reads, the unified records it produces, and how
 * it is read incrementally. A stream only answers "read this window" or "read changes since"; the
 * runtime owns windows, backfills, lookback, checkpoints and retries of whole runs.
 */
public sealed interface SourceStream permits DailyStream, CursorStream {

    /** A name unique within the connector, lower case: {@code video_metrics}, {@code orders}. */
    String name();

    /** The kinds of record the stream emits. */
    List<Class<? extends WarehouseRecord>> produces();
}
