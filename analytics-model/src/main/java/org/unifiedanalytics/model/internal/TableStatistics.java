package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps PostgreSQL's statistics of the tables the warehouse fills current as it fills them: a table is analyzed once
 * {@value #FIRST} rows have been written to it, and again each time this warehouse has written twice as many as at
 * the last analysis (a backfill of a million rows analyzes a table seven times). Autovacuum may be off, or behind a
 * backfill that grows a table many times over; with stale statistics the writers' lookups by the (platform, id) key
 * were planned as scans of every row of the platform, so that a backfill of half a million orders slowed to a crawl
 * (found by the scale suite; analyzing only once at 10,000 rows was not enough, and analyzing at every fifth more
 * cost a writer benchmark a quarter of its rate). {@code ANALYZE} samples a fixed number of rows, takes no lock that
 * writers wait for, and runs in the writer's transaction.
 */
final class TableStatistics {
    static final long FIRST = 10_000;

    /** Per table: rows written by this warehouse in all, and at the last analysis. */
    private final Map<String, long[]> written = new ConcurrentHashMap<>();

    /** Notes rows written to a table (schema-qualified SQL); analyzes it when enough have been. */
    void written(Connection connection, String table, int rows) throws SQLException {
        long[] counts = written.computeIfAbsent(table, t -> new long[2]);
        synchronized (counts) {
            counts[0] += rows;
            if (counts[0] < Math.max(FIRST, 2 * counts[1])) {
                return;
            }
            counts[1] = counts[0];
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }
}
