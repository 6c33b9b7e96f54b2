package org.unifiedanalytics.model.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32C;

import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;

/**
 * Keeps attribution's maintenance and the writers of its inputs (touchpoints, conversions) out of each other's
 * way: writers pass together, maintenance alone.
 *
 * <p>Why: a writer marks the customers of the rows it replaces as it reads them, before its upsert. When two
 * transactions write the same ids at once, the second reads the rows as they were before the first, waits for the
 * first's row locks, then replaces the first's version: it never marks the first's customers. The first marked them
 * itself; but a refresh that applied the first's markers before the second committed would leave them with credits
 * of rows that are no longer theirs. So maintenance (computing or refreshing credits) starts only when no writer is
 * under way, and writers wait while it runs.
 *
 * <p>How: on PostgreSQL an advisory lock of the schema, shared by writers and exclusive for maintenance, both held
 * to the end of their transactions (so every process sharing the database takes part). On H2 a read-write lock of
 * the warehouse, released when {@link Warehouse#inTransaction} ends the transaction: an embedded file has one
 * process; several processes on one H2 server are each kept in order only among themselves.
 */
public final class AttributionInputGate {
    private static final Map<Warehouse, AttributionInputGate> GATES = Collections.synchronizedMap(new WeakHashMap<>());

    private final WarehouseDialect dialect;
    private final long advisoryKey;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Connection, Lock> held = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The connections of this thread's open transactions that write inputs. */
    private final ThreadLocal<Set<Connection>> writing = ThreadLocal.withInitial(
            () -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private AttributionInputGate(WarehouseDialect dialect, String schema) {
        this.dialect = dialect;
        CRC32C crc = new CRC32C();
        crc.update(("unified-analytics attribution inputs of " + schema).getBytes(StandardCharsets.UTF_8));
        // a fixed high word keeps the key clear of small keys a host may use
        this.advisoryKey = (0x55414E4CL << 32) | crc.getValue();
    }

    /** Called by the warehouse it belongs to, once. */
    public static AttributionInputGate register(Warehouse warehouse, WarehouseDialect dialect, String schema) {
        AttributionInputGate gate = new AttributionInputGate(dialect, schema);
        GATES.put(warehouse, gate);
        return gate;
    }

    /** The gate of a warehouse. */
    public static AttributionInputGate of(Warehouse warehouse) {
        AttributionInputGate gate = GATES.get(warehouse);
        if (gate == null) {
            throw new IllegalStateException("no attribution input gate for " + warehouse);
        }
        return gate;
    }

    /**
     * Lets a transaction write touchpoints or conversions: before it reads the rows it will replace. Waits while
     * maintenance runs; writers never wait for each other here.
     */
    public void enterAsWriter(Connection connection) {
        if (!writing.get().add(connection)) {
            return; // this transaction has passed already: no second round trip per write
        }
        if (dialect == WarehouseDialect.POSTGRES) {
            execute(connection, "SELECT pg_advisory_xact_lock_shared(" + advisoryKey + ")");
        } else if (!held.containsKey(connection)) {
            lock.readLock().lock();
            held.put(connection, lock.readLock());
        }
    }

    /**
     * Lets a maintenance transaction in once no writer is under way, keeping writers out until it ends; waits at most
     * {@code wait}, or as long as it takes when empty.
     *
     * @throws AnalyticsException whose cause {@link LockErrors#isLockNotGranted} recognizes when the wait ran out
     * @throws IllegalStateException when this thread is itself writing inputs in a transaction still open
     */
    public void enterAlone(Connection connection, Optional<Duration> wait) {
        if (!writing.get().isEmpty()) {
            throw new IllegalStateException("attribution cannot compute or refresh its credits while this thread has a"
                    + " transaction open that writes touchpoints or conversions; query after it commits");
        }
        if (dialect == WarehouseDialect.POSTGRES) {
            wait.ifPresent(w -> execute(connection, "SET LOCAL lock_timeout = '" + w.toMillis() + "ms'"));
            execute(connection, "SELECT pg_advisory_xact_lock(" + advisoryKey + ")");
            return;
        }
        if (held.containsKey(connection)) {
            return;
        }
        try {
            if (wait.isPresent()) {
                if (!lock.writeLock().tryLock(wait.get().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AnalyticsException("attribution's maintenance waited " + wait.get().toMillis()
                            + " ms for writers of touchpoints and conversions to finish",
                            new SQLException("writers still under way", "HYT00"));
                }
            } else {
                lock.writeLock().lockInterruptibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsException("interrupted while waiting for writers of touchpoints and conversions", e);
        }
        held.put(connection, lock.writeLock());
    }

    /** Called when the transaction on this connection has ended, committed or rolled back, on its thread. */
    public void transactionEnded(Connection connection) {
        writing.get().remove(connection);
        Lock mine = held.remove(connection);
        if (mine != null) {
            mine.unlock();
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AnalyticsException("attribution's input gate (" + sql + ") failed: " + e.getMessage(), e);
        }
    }
}
