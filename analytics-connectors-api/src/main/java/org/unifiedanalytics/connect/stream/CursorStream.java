package org.unifiedanalytics.connect.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stream of entities read by their update time: orders, campaigns, profiles. Each run asks for the
 * changes in {@code [since, until)}: {@code since} is the previous run's {@code until} less the
 * {@link #overlap()}, and {@code until} is the run's start time, so the cursor never runs ahead of what
 * was really read. Records read twice are upserted on their natural key.
 */
public non-sealed interface CursorStream extends SourceStream {

    /** How far each run reaches back before the previous cursor, for clock skew and late commits upstream. */
    Duration overlap();

    /**
     * Reads one page of the entities of the account updated in {@code [since, until)}.
     *
     * @param pageToken empty for the first page of this query, else the token the previous page returned
     */
    Page readChanges(String account, Instant since, Instant until, Optional<String> pageToken) throws Exception;
}
