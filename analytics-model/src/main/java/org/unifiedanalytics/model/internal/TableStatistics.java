package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps PostgreSQL's statistics of the tables the warehouse fills up to date as it fills them: a table is analyzed
 * once {@value #FIRST} rows have been written to it, and again whenever a fifth more than before has been (so a
 * backfill of millions analyzes each table a few dozen times). Autovacuum may be off, or behind a backfill that grows
 * a table many times over; without statistics the planner takes a filled table for a nearly empty one and answers
 * the writers' lookups by the (platform, id) key by scanning every row of the platform, so that a backfill of half a
 * million orders slowed to a crawl (found by the scale suite). {@code ANALYZE} samples a fixed number of rows, takes
 * no lock that writers wait for, and runs in the writer's transaction.
 */
final class TableStatistics {
    static final long FIRST = 10_000;

    /** Per table: rows written by this warehouse in all, and when it was last analyzed. */
    private final Map<String, long[]> written = new ConcurrentHashMap<>();

    /** Notes rows written to a table (schema-qualified SQL); analyzes it when enough have been. */
    void written(Connection connection, String table, int rows) throws SQLException {
        long[] counts = written.computeIfAbsent(table, t -> new long[2]);
        synchronized (counts) {
            counts[0] += rows;
            if (counts[0] - counts[1] < Math.max(FIRST, counts[1] / 5)) {
                return;
            }
            counts[1] = counts[0];
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }
}
