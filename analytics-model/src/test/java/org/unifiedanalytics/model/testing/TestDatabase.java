package org.unifiedanalytics.model.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;
import org.unifiedanalytics.model.Warehouse;

/**
 * The databases every warehouse test runs on. Each {@link #open()} gives a fresh, empty warehouse:
 * a new in-memory H2 database, or a new schema on the PostgreSQL server of
 * {@code ANALYTICS_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code ANALYTICS_TEST_POSTGRES_USER}, default {@code postgres}, password {@code ANALYTICS_TEST_POSTGRES_PASSWORD}).
 *
 * <p>Without a reachable PostgreSQL its tests are skipped with a message, unless
 * {@code ANALYTICS_REQUIRE_POSTGRES=true}, which CI sets: then they fail.
 */
public enum TestDatabase {
    H2, POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static String postgresUrl() {
        return env("ANALYTICS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return env("ANALYTICS_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return env("ANALYTICS_TEST_POSTGRES_PASSWORD", "");
    }

    /** A fresh, not yet migrated warehouse; closing it drops what the test made. */
    public TestWarehouse open() {
        return switch (this) {
            case H2 -> {
                String name = "test" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
                Warehouse warehouse = Warehouse.inMemory(name);
                yield new TestWarehouse(warehouse, () -> execute(warehouse, "DROP ALL OBJECTS"));
            }
            case POSTGRES -> {
                requirePostgres();
                String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
                Warehouse warehouse = Warehouse.builder().jdbcUrl(postgresUrl())
                        .credentials(postgresUser(), postgresPassword()).schema(schema).maximumPoolSize(3).build();
                yield new TestWarehouse(warehouse, () -> execute(warehouse, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
            }
        };
    }

    /**
     * A warehouse on a schema of the test PostgreSQL that another process (the CLI in its own JVM) filled, to read
     * what it wrote; the schema is left as it is (see {@link #dropPostgresSchema}).
     */
    public static Warehouse postgresWarehouse(String schema) {
        return Warehouse.builder().jdbcUrl(postgresUrl()).credentials(postgresUser(), postgresPassword()).schema(schema).build();
    }

    /** Drops a schema of the test PostgreSQL, if it exists, with everything in it. */
    public static void dropPostgresSchema(String schema) {
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** Skips (or, when CI requires PostgreSQL, fails) the calling test if PostgreSQL is not reachable. */
    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword())) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL at " + postgresUrl() + " is not reachable (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(env("ANALYTICS_REQUIRE_POSTGRES", "false"))) {
                Assertions.fail(message + " and ANALYTICS_REQUIRE_POSTGRES=true");
            }
            throw new TestAbortedException(message + ": skipping; set ANALYTICS_REQUIRE_POSTGRES=true to fail instead");
        }
    }

    private static void execute(Warehouse warehouse, String sql) {
        try (Connection connection = warehouse.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test clean-up failed: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
