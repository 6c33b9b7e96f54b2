package org.unifiedanalytics.model.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import org.unifiedanalytics.model.AnalyticsException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool a warehouse opens for itself, set up for its kind of database, with clear errors. */
public final class WarehousePool {
    private WarehousePool() {
    }

    /** An embedded H2 file, created on first use; compacted with the pool paused ({@link EmbeddedCompaction}). */
    public static HikariDataSource embedded(Path path, int size) {
        // H2's own compaction on close (200 ms by default) moves chunks toward the end of the file and, cut short,
        // leaves it larger than before (20 MiB became 43 here): the warehouse compacts by itself
        HikariConfig config = config(size, true);
        config.setJdbcUrl("jdbc:h2:file:" + path.toAbsolutePath() + ";MAX_COMPACT_TIME=0");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (inUseElsewhere(e)) {
                throw new AnalyticsException("the embedded warehouse " + path.toAbsolutePath() + ".mv.db is in use"
                        + " by another process: H2 lets one process at a time open a file. Wait for that one (a sync, the"
                        + " dashboard, a scheduler) to end, or share the warehouse through PostgreSQL", e);
            }
            throw cannotOpen(e);
        }
    }

    /** An H2 database in this process's memory, alive until the pool closes. */
    public static HikariDataSource inMemory(String name, int size) {
        HikariConfig config = config(size, false);
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return open(config);
    }

    /** A database at a JDBC URL; {@code embeddedFile} when the URL names an H2 file of this process. */
    public static HikariDataSource jdbc(String url, String user, String password, int size, boolean embeddedFile) {
        HikariConfig config = config(size, embeddedFile);
        config.setJdbcUrl(url.startsWith("jdbc:postgresql:") ? withBatchRewrite(url) : url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        return open(config);
    }

    private static HikariConfig config(int size, boolean suspendable) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("unified-analytics");
        config.setMaximumPoolSize(size);
        // an embedded file is compacted with the pool paused
        config.setAllowPoolSuspension(suspendable);
        return config;
    }

    private static HikariDataSource open(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotOpen(e);
        }
    }

    private static AnalyticsException cannotOpen(RuntimeException e) {
        // Hikari's message may hold the URL; the cause chain keeps the detail for whoever needs it.
        return new AnalyticsException("cannot open the warehouse database: " + e.getMessage(), e);
    }

    /** H2's "Database may be already in use" (90020): another process holds the file's lock. */
    private static boolean inUseElsewhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** PostgreSQL's driver turns batched INSERTs into multi-row ones with this flag, 1.5x faster here. */
    private static String withBatchRewrite(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
