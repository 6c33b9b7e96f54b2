package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps PostgreSQL's statistics of the tables the warehouse fills up to date as it fills them: every
 * {@value #ROWS_BETWEEN} rows written to a table, it is analyzed. Autovacuum may be off, or behind a backfill that
 * grows a table many times over; without statistics the planner takes a filled table for a nearly empty one and
 * answers the writers' lookups by the (platform, id) key by scanning every row of the platform, so that a backfill of
 * half a million orders slowed to a crawl (found by the scale suite). {@code ANALYZE} samples a fixed number of rows,
 * takes no lock that writers wait for, and runs in the writer's transaction.
 */
final class TableStatistics {
    static final long ROWS_BETWEEN = 50_000;

    private final Map<String, AtomicLong> writtenSinceAnalyze = new ConcurrentHashMap<>();

    /** Notes rows written to a table (schema-qualified SQL); analyzes it when enough have been. */
    void written(Connection connection, String table, int rows) throws SQLException {
        AtomicLong written = writtenSinceAnalyze.computeIfAbsent(table, t -> new AtomicLong());
        if (written.addAndGet(rows) < ROWS_BETWEEN) {
            return;
        }
        written.set(0);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }
}
