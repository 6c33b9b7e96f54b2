package org.unifiedanalytics.model.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.Compaction;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Keeps an embedded H2 warehouse's file near the size of its data.
 *
 * <p>Why it is needed: H2's store never overwrites a page; every write appends new pages and leaves the old
 * ones dead in the file, and it retains dead pages for {@code RETENTION_TIME} (45 s) before their space may be
 * reused, so that a power failure cannot leave a half-overwritten file. A bulk load writes far faster than that,
 * so the file grows with every rewritten index page: measured here, 200,000 touchpoints made a 406 MiB file
 * holding 15 MiB of data. Lowering the retention would trade that safety for size (and still left 79 MiB), and
 * H2's online compaction ({@code compactFile}) took a minute to get to 47 MiB. What works is H2's own
 * {@code SHUTDOWN COMPACT}: it copies the live data into a new file and swaps it in atomically (a kill at any
 * point leaves either the old file or the new one), 406 MiB to 15 MiB in under a second.
 *
 * <p>So the warehouse keeps H2's safe defaults and compacts at the end of each write path (an import, a sync,
 * a backfill, closing) when the store reports that less than {@link #WORTH_IT_FILL_PERCENT}% of its chunks is
 * live data: the pool is paused (new borrowers wait, transactions under way finish), its connections are closed,
 * {@code SHUTDOWN COMPACT} runs on a connection of its own, and the pool resumes on the compacted file.
 */
public final class EmbeddedCompaction {
    /** Below this share of live data in the store's chunks, compacting pays for itself. */
    public static final int WORTH_IT_FILL_PERCENT = 75;
    /** What a freshly compacted store reports as its live share; less means the compaction did not happen. */
    private static final int COMPACTED_FILL_PERCENT = 90;
    /** A file smaller than this is left alone: compacting it saves nothing worth a pause. */
    public static final long SMALLEST_WORTH_IT = 4L * 1024 * 1024;
    /** How long to wait for transactions under way before giving up on compacting now. */
    private static final Duration WAIT_FOR_TRANSACTIONS = Duration.ofSeconds(60);

    private final HikariDataSource pool;
    private final Path file;

    public EmbeddedCompaction(HikariDataSource pool, Path warehouse) {
        this.pool = pool;
        this.file = warehouse.resolveSibling(warehouse.getFileName() + ".mv.db");
    }

    /** The H2 file's size on disk. */
    public long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compacts when less than {@link #WORTH_IT_FILL_PERCENT}% of the store's chunks is live data. */
    public Optional<Compaction> compactIfWorthIt() {
        if (size() < SMALLEST_WORTH_IT || liveChunkPercent() >= WORTH_IT_FILL_PERCENT) {
            return Optional.empty();
        }
        return Optional.of(compact());
    }

    /** The share of the store's chunks that holds live data, as H2 reports it ({@code info.CHUNKS_FILL_RATE}). */
    public int liveChunkPercent() {
        try (Connection c = pool.getConnection()) {
            return chunksFillPercent(c);
        } catch (SQLException | NumberFormatException e) {
            return 100;   // not known: not worth a pause
        }
    }

    /** Copies the live data into a new file and swaps it in; the warehouse stays usable before and after. */
    public synchronized Compaction compact() {
        long before = size();
        long start = System.nanoTime();
        HikariPoolMXBean control = pool.getHikariPoolMXBean();
        HikariConfigMXBean settings = pool.getHikariConfigMXBean();
        int minimumIdle = settings.getMinimumIdle();
        // H2 closes (and so compacts) the database only when its last session ends: the pool must open none
        // meanwhile, neither for a borrower (suspended) nor to keep its idle minimum (none)
        settings.setMinimumIdle(0);
        control.suspendPool();
        try {
            await(() -> control.getActiveConnections() == 0, "a transaction has held it for");
            // connections the pool was still adding when told to keep none are closed as they arrive
            await(() -> {
                control.softEvictConnections();
                return control.getTotalConnections() == 0;
            }, "its connections did not close within");
            // the pool closes its connections on a thread of its own: H2 compacts only on the close of a database
            // whose last session is the one that asked, so that is waited for, and the result checked
            for (int attempt = 1; attempt <= 3 && shutDownCompact() < COMPACTED_FILL_PERCENT; attempt++) {
                if (attempt == 3) {
                    throw new AnalyticsException("the embedded warehouse " + file + " was not compacted: H2 closed it"
                            + " without compacting three times; try again later");
                }
            }
        } finally {
            settings.setMinimumIdle(minimumIdle);
            // a connection the pool added after its last eviction (an addition queued before the minimum went to 0)
            // belongs to the database SHUTDOWN closed: evicted, it is never handed out ("Database is already closed")
            control.softEvictConnections();
            control.resumePool();
        }
        return new Compaction(file, before, size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Compacts the database once its own connection is its only session; then the live share of its chunks. */
    private int shutDownCompact() {
        try {
            try (Connection c = open(); Statement s = c.createStatement()) {
                await(() -> {
                    pool.getHikariPoolMXBean().softEvictConnections();
                    return sessions(s) <= 1;
                }, "other sessions stayed open for");
                s.execute("SHUTDOWN COMPACT");
            }
            try (Connection c = open()) {
                return chunksFillPercent(c);
            }
        } catch (SQLException e) {
            throw new AnalyticsException("the embedded warehouse " + file + " could not be compacted: " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static int sessions(Statement s) {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new AnalyticsException("cannot count the embedded warehouse's sessions: " + e.getMessage(), e);
        }
    }

    private static int chunksFillPercent(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return r.next() ? Integer.parseInt(r.getString(1).strip()) : 100;
        }
    }

    private static void await(java.util.function.BooleanSupplier done, String otherwise) {
        long deadline = System.nanoTime() + WAIT_FOR_TRANSACTIONS.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AnalyticsException("the embedded warehouse was not compacted: " + otherwise + " "
                        + WAIT_FOR_TRANSACTIONS.toSeconds() + " s; try again later");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnalyticsException("interrupted while waiting to compact the embedded warehouse", e);
            }
        }
    }
}
