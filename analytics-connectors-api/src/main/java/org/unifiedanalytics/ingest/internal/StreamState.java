package org.unifiedanalytics.ingest.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The checkpoint of one stream of one account, stored as JSON in {@code sync_state}. A daily stream
 * keeps the last reporting date it completed and the window it is in; a cursor stream keeps its cursor
 * and the query it is in. A window or query in flight carries the token of its next page.
 */
public record StreamState(LocalDate completeThrough, LocalDate windowFrom, LocalDate windowTo, Instant cursor,
                          Instant since, Instant until, String nextPageToken) {

    public static final StreamState EMPTY = new StreamState(null, null, null, null, null, null, null);

    boolean dailyInFlight() {
        return windowFrom != null;
    }

    boolean cursorInFlight() {
        return since != null;
    }

    StreamState windowPage(LocalDate from, LocalDate to, String token) {
        return new StreamState(completeThrough, from, to, cursor, null, null, token);
    }

    StreamState windowDone(LocalDate lastDay) {
        LocalDate through = completeThrough == null || lastDay.isAfter(completeThrough) ? lastDay : completeThrough;
        return new StreamState(through, null, null, cursor, null, null, null);
    }

    StreamState queryPage(Instant since, Instant until, String token) {
        return new StreamState(completeThrough, null, null, cursor, since, until, token);
    }

    StreamState queryDone(Instant until) {
        Instant next = cursor == null || until.isAfter(cursor) ? until : cursor;
        return new StreamState(completeThrough, null, null, next, null, null, null);
    }
}
