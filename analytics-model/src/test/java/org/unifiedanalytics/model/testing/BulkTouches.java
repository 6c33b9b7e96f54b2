package org.unifiedanalytics.model.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Random;

/**
 * Touchpoints written as a sync writes them (a transaction per 5,000 rows, random customers, so every index page
 * is rewritten again and again): the way an embedded H2 file bloats, for tests of its compaction.
 */
public final class BulkTouches {
    private BulkTouches() {
    }

    /** Writes touchpoints {@code from} to {@code from + count - 1} on this connection, in the given schema. */
    public static void write(Connection c, String schema, int from, int count) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".touchpoint (touchpoint_id, customer_key,"
                + " occurred_at, touch_type, channel, channel_group, source_platform, external_id) VALUES (?,?,?,?,?,?,?,?)")) {
            Random random = new Random(from);
            for (int i = from; i < from + count; i++) {
                ps.setLong(1, i);
                ps.setString(2, "c" + random.nextInt(Math.max(1, count / 10)));
                ps.setTimestamp(3, new Timestamp(1_735_689_600_000L + (long) (random.nextDouble() * 180 * 86_400_000L)));
                ps.setString(4, "session");
                ps.setString(5, "email");
                ps.setString(6, "Email");
                ps.setString(7, "test");
                ps.setString(8, String.valueOf(i));
                ps.addBatch();
                if (i % 1_000 == 0) {
                    ps.executeBatch();
                }
                if (i % 5_000 == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
    }
}
