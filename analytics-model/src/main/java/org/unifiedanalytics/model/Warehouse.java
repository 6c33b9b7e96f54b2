package org.unifiedanalytics.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.internal.DialectDetector;
import org.unifiedanalytics.model.internal.EmbeddedCompaction;
import org.unifiedanalytics.model.internal.AttributionChangeLog;
import org.unifiedanalytics.model.internal.AttributionInputGate;
import org.unifiedanalytics.model.internal.ConnectionTransaction;
import org.unifiedanalytics.model.internal.RecordWriter;
import org.unifiedanalytics.model.internal.SchemaMigrator;
import org.unifiedanalytics.model.internal.WarehousePool;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The entry point to a warehouse: the one SQL database that every connector writes into and every
 * query reads from. It runs on an embedded H2 database with no set-up, or on PostgreSQL.
 *
 * <pre>{@code
 * try (Warehouse warehouse = Warehouse.embedded(Path.of("data/analytics"))) {
 *     warehouse.migrate();                                   // the SDK's own schema and history table
 *     warehouse.write(List.of(order, orderLine));            // validated, idempotent upserts, one transaction
 *     int orders = warehouse.dsl().fetchCount(Tables.SALES_ORDER);
 * }
 * }</pre>
 *
 * <p>A warehouse is thread-safe. One that opened its own connection pool closes it on {@link #close()};
 * one given the host's {@link DataSource} leaves it open.
 */
public final class Warehouse implements AutoCloseable {

    /** The schema the SDK's tables live in unless configured otherwise. */
    public static final String DEFAULT_SCHEMA = "analytics";

    /** The schema name in the generated jOOQ classes, mapped to the configured schema when SQL is rendered. */
    private static final String GENERATED_SCHEMA = "analytics";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Location location;
    private final Optional<EmbeddedCompaction> compaction;
    private final WarehouseDialect dialect;
    private final String schema;
    private final Settings settings;
    private final DSLContext dsl;
    private final RecordWriter writer;
    private final AttributionChangeLog changeLog;
    private final AttributionInputGate inputGate;

    /**
     * Where a warehouse's data lives, as far as who else can reach it goes.
     *
     * @param embeddedFile the H2 file without its extension, for an embedded warehouse in a file
     * @param inMemory     whether the data lives in this process's memory only
     */
    public record Location(Optional<Path> embeddedFile, boolean inMemory) {

        /** A database other processes share (PostgreSQL, an H2 server, a host's data source). */
        public boolean shared() {
            return embeddedFile.isEmpty() && !inMemory;
        }

        static Location ofJdbcUrl(String url) {
            if (url.startsWith("jdbc:h2:mem:")) {
                return new Location(Optional.empty(), true);
            }
            if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                    && !url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
                String file = url.substring("jdbc:h2:".length());
                file = file.startsWith("file:") ? file.substring("file:".length()) : file;
                int options = file.indexOf(';');
                return new Location(Optional.of(Path.of(options < 0 ? file : file.substring(0, options))), false);
            }
            return new Location(Optional.empty(), false);
        }
    }

    private Warehouse(DataSource dataSource, HikariDataSource ownedPool, Location location, String schema) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.location = location;
        this.compaction = ownedPool != null && location.embeddedFile().isPresent()
                ? Optional.of(new EmbeddedCompaction(ownedPool, location.embeddedFile().get())) : Optional.empty();
        this.schema = schema;
        try {
            this.dialect = DialectDetector.detect(dataSource);
        } catch (RuntimeException e) {
            if (ownedPool != null) {
                ownedPool.close();
            }
            throw e;
        }
        this.settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderMapping(new RenderMapping().withSchemata(
                        new MappedSchema().withInput(GENERATED_SCHEMA).withOutput(schema)))
                .withExecuteLogging(false);
        this.dsl = DSL.using(dataSource, dialect.jooqDialect(), settings);
        this.writer = new RecordWriter(dsl, dialect);
        this.changeLog = new AttributionChangeLog(dsl);
        this.inputGate = AttributionInputGate.register(this, dialect, schema);
    }

    /** An embedded H2 warehouse in a file, created on first use: {@code path} names it without extension. */
    public static Warehouse embedded(Path path) {
        return builder().embedded(path).build();
    }

    /** An embedded H2 warehouse in memory, alive until closed: for tests and demos. */
    public static Warehouse inMemory(String name) {
        return builder().inMemory(name).build();
    }

    /** A warehouse at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}), with a pool of its own. */
    public static Warehouse connect(String jdbcUrl, String user, String password) {
        return builder().jdbcUrl(jdbcUrl).credentials(user, password).build();
    }

    /** A warehouse on the host application's own data source, which stays the host's to close. */
    public static Warehouse connect(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings the warehouse schema up to date with the SDK's migrations; safe to call on every start.
     * The SDK keeps its own history table ({@value SchemaMigrator#HISTORY_TABLE}) in its own schema.
     */
    public MigrationResult migrate() {
        return SchemaMigrator.migrate(dataSource, dialect, schema);
    }

    /**
     * Validates and upserts records in one transaction: a record whose natural key is stored updates its
     * row, so writing the same records again changes nothing. If any record is invalid, nothing is
     * written and the {@link InvalidRecordsException} lists every problem.
     */
    public WriteResult write(Collection<? extends WarehouseRecord> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            return WriteResult.EMPTY;
        }
        return inTransaction(tx -> tx.write(records));
    }

    /**
     * Runs work in one transaction, committed when the work returns and rolled back when it throws.
     *
     * <pre>{@code
     * warehouse.inTransaction(tx -> {
     *     tx.write(page);
     *     tx.dsl().update(SYNC_STATE).set(SYNC_STATE.STATE, checkpoint).where(...).execute();
     *     return null;
     * });
     * }</pre>
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(new ConnectionTransaction(connection, dsl(connection), writer, changeLog, inputGate));
                connection.commit();
                return result;
            } catch (Throwable failure) {
                rollback(connection, failure);
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new AnalyticsException("transaction failed: " + failure.getMessage(), failure);
            } finally {
                inputGate.transactionEnded(connection);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AnalyticsException("warehouse transaction failed: " + e.getMessage(), e);
        }
    }

    /** A jOOQ context on the warehouse, rendering the generated tables into the configured schema. */
    public DSLContext dsl() {
        return dsl;
    }

    /** A jOOQ context on one connection (for work in a transaction the caller manages). */
    public DSLContext dsl(Connection connection) {
        return DSL.using(connection, dialect.jooqDialect(), settings);
    }

    public WarehouseDialect dialect() {
        return dialect;
    }

    /** The schema the SDK's tables live in. */
    public String schema() {
        return schema;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Compacts the embedded warehouse's file now: H2 keeps superseded pages in the file, so a warehouse that has
     * been written to a lot can take many times the space of its data. Transactions under way finish first; new
     * ones wait until it is done (about a second per few hundred MiB). A kill at any moment leaves the file as
     * before or compacted, never damaged. The SDK compacts by itself after imports, syncs and backfills, and on
     * close, whenever it pays ({@link #compactIfWorthIt()}).
     *
     * @throws UnsupportedOperationException for a warehouse that is not an embedded file (PostgreSQL reclaims
     *                                       space with its own {@code VACUUM})
     */
    public Compaction compact() {
        return compaction.orElseThrow(() -> new UnsupportedOperationException("only an embedded warehouse is compacted by"
                + " the SDK; this one is " + this + " (PostgreSQL reclaims space itself, with VACUUM)")).compact();
    }

    /**
     * Makes every committed transaction survive a killed process now. H2 writes commits to its file within a second
     * of them, so a {@code kill -9} right after a commit can take it back; this writes them out and syncs the file
     * ({@code CHECKPOINT SYNC}). PostgreSQL's commits are durable already: nothing to do. For writes that cannot be
     * made again, such as a rotated refresh token.
     */
    public void flush() {
        if (dialect == WarehouseDialect.H2) {
            dsl.execute("CHECKPOINT SYNC");
        }
    }

    /** Compacts the embedded file when much of it is superseded data; nothing for any other warehouse. */
    public Optional<Compaction> compactIfWorthIt() {
        return compaction.flatMap(EmbeddedCompaction::compactIfWorthIt);
    }

    /** The embedded warehouse's file size on disk; empty for any other warehouse. */
    public java.util.OptionalLong sizeOnDisk() {
        return compaction.map(c -> java.util.OptionalLong.of(c.size())).orElse(java.util.OptionalLong.empty());
    }

    /** Whether the data is in a file of this process's, in its memory, or in a database others share. */
    public Location location() {
        return location;
    }

    /** The SQL that upserts one kind of record; for diagnostics and benchmarks. */
    public String upsertSql(Class<? extends WarehouseRecord> kind) {
        return writer.upsertSql(kind);
    }

    /**
     * Closes the connection pool the warehouse opened itself; a host's data source is left open. An embedded
     * warehouse is compacted first when that pays, so that its file leaves the process near the size of its data.
     */
    @Override
    public void close() {
        if (ownedPool == null || ownedPool.isClosed()) {
            return;
        }
        try {
            compactIfWorthIt();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Warehouse.class).warn("The embedded warehouse was not compacted on close: {}",
                    e.getMessage());
        } finally {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return "Warehouse[" + dialect + ", schema " + schema + "]";
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Configures a warehouse: exactly one of an embedded file, an in-memory name, a JDBC URL or a data
     * source, and optionally the schema name and the pool size. {@link #build()} reports every problem
     * at once. Not thread-safe.
     */
    public static final class Builder {
        private Path embeddedPath;
        private String memoryName;
        private String jdbcUrl;
        private String user;
        private String password;
        private DataSource dataSource;
        private String schema = DEFAULT_SCHEMA;
        private int maximumPoolSize = 4;

        private Builder() {
        }

        public Builder embedded(Path path) {
            this.embeddedPath = path;
            return this;
        }

        public Builder inMemory(String name) {
            this.memoryName = name;
            return this;
        }

        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The schema for the SDK's tables: lower-case letters, digits and underscores. Default {@code analytics}. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** The size of the pool the warehouse opens itself (not used with a host data source). Default 4. */
        public Builder maximumPoolSize(int size) {
            this.maximumPoolSize = size;
            return this;
        }

        public Warehouse build() {
            List<String> problems = new ArrayList<>();
            int targets = (embeddedPath != null ? 1 : 0) + (memoryName != null ? 1 : 0) + (jdbcUrl != null ? 1 : 0)
                    + (dataSource != null ? 1 : 0);
            if (targets != 1) {
                problems.add("choose exactly one database: embedded(path), inMemory(name), jdbcUrl(url) or dataSource(ds); "
                        + targets + " given");
            }
            if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
                problems.add("schema '" + schema + "' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter");
            }
            if (maximumPoolSize < 1) {
                problems.add("maximumPoolSize must be at least 1, got " + maximumPoolSize);
            }
            if (memoryName != null && !memoryName.matches("[A-Za-z0-9_\\-]+")) {
                problems.add("inMemory name '" + memoryName + "' may hold only letters, digits, '_' and '-'");
            }
            if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
                problems.add("jdbcUrl must start with 'jdbc:'");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("warehouse configuration", problems);
            }
            if (dataSource != null) {
                return new Warehouse(dataSource, null, new Location(Optional.empty(), false), schema);
            }
            Location location = embeddedPath != null ? new Location(Optional.of(embeddedPath.toAbsolutePath()), false)
                    : memoryName != null ? new Location(Optional.empty(), true) : Location.ofJdbcUrl(jdbcUrl);
            HikariDataSource pool = embeddedPath != null ? WarehousePool.embedded(embeddedPath, maximumPoolSize)
                    : memoryName != null ? WarehousePool.inMemory(memoryName, maximumPoolSize)
                    : WarehousePool.jdbc(jdbcUrl, user, password, maximumPoolSize, location.embeddedFile().isPresent());
            return new Warehouse(pool, pool, location, schema);
        }
    }
}
