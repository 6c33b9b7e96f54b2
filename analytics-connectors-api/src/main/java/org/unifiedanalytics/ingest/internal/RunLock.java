package org.unifiedanalytics.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

import org.unifiedanalytics.ingest.SyncAlreadyRunningException;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;

/**
 * The lock that keeps two syncs of one connector instance apart. Within a process a set of held names
 * refuses the second; across processes on PostgreSQL a session-level advisory lock on a connection held
 * for the run does, and the database releases it by itself if the process dies (even by kill -9). An
 * embedded H2 file is opened by one process only, so the in-process lock covers it.
 */
public final class RunLock implements AutoCloseable {
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Connection connection;
    private final long key;

    private RunLock(String name, Connection connection, long key) {
        this.name = name;
        this.connection = connection;
        this.key = key;
    }

    public static RunLock acquire(Warehouse warehouse, String instance) {
        String name = warehouse.schema() + "/" + instance + "@" + System.identityHashCode(warehouse.dataSource());
        if (!HELD.add(name)) {
            throw new SyncAlreadyRunningException(instance);
        }
        if (warehouse.dialect() != WarehouseDialect.POSTGRES) {
            return new RunLock(name, null, 0);
        }
        long key = advisoryKey(warehouse.schema(), instance);
        Connection connection = null;
        try {
            connection = warehouse.dataSource().getConnection();
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new SyncAlreadyRunningException(instance);
                    }
                }
            }
            return new RunLock(name, connection, key);
        } catch (SQLException | RuntimeException e) {
            HELD.remove(name);
            closeQuietly(connection);
            if (e instanceof SyncAlreadyRunningException running) {
                throw running;
            }
            throw new AnalyticsException("cannot take the run lock of '" + instance + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    s.setLong(1, key);
                    s.execute();
                } catch (SQLException e) {
                    // closing the session below releases the lock anyway
                }
                closeQuietly(connection);
            }
        } finally {
            HELD.remove(name);
        }
    }

    /** The PostgreSQL advisory-lock key of an instance in a schema: what another process contends for. */
    public static long advisoryKey(String schema, String instance) {
        String text = schema + "/" + instance;
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return 0x5541_0000_0000_0000L | crc.getValue();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
