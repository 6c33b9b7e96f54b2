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
    public static final int WORTH_IT_FILL_PERCENT = 60;
    /** A file smaller than this is left alone: compacting it saves nothing worth a pause. */
    public static final long SMALLEST_WORTH_IT = 8L * 1024 * 1024;
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
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return r.next() ? Integer.parseInt(r.getString(1).strip()) : 100;
        } catch (SQLException | NumberFormatException e) {
            return 100;   // not known: not worth a pause
        }
    }

    /** Copies the live data into a new file and swaps it in; the warehouse stays usable before and after. */
    public synchronized Compaction compact() {
        long before = size();
        long start = System.nanoTime();
        HikariPoolMXBean control = pool.getHikariPoolMXBean();
        control.suspendPool();
        try {
            awaitIdle(control);
            control.softEvictConnections();
            try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new AnalyticsException("the embedded warehouse " + file + " could not be compacted: " + e.getMessage(), e);
            } finally {
                // connections the pool opened meanwhile belong to the database that was shut down
                control.softEvictConnections();
            }
        } finally {
            control.resumePool();
        }
        return new Compaction(file, before, size(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void awaitIdle(HikariPoolMXBean control) {
        long deadline = System.nanoTime() + WAIT_FOR_TRANSACTIONS.toNanos();
        while (control.getActiveConnections() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AnalyticsException("the embedded warehouse was not compacted: a transaction has held it for "
                        + WAIT_FOR_TRANSACTIONS.toSeconds() + " s; try again when it is done");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnalyticsException("interrupted while waiting to compact the embedded warehouse", e);
            }
        }
    }
}
