package org.unifiedanalytics.model.internal;

import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.unifiedanalytics.model.MigrationResult;
import org.unifiedanalytics.model.WarehouseDialect;

/**
 * Runs the SDK's Flyway migrations, with a location and a history table of the SDK's own, in the
 * warehouse's schema: a host application that uses Flyway for its own tables is not disturbed.
 */
public final class SchemaMigrator {

    /** Where the SDK's migrations live on the class path. */
    public static final String LOCATION = "classpath:org/unifiedanalytics/model/migration";

    /** The SDK's own schema-history table, in the warehouse's schema. */
    public static final String HISTORY_TABLE = "analytics_schema_history";

    private SchemaMigrator() {
    }

    public static MigrationResult migrate(DataSource dataSource, WarehouseDialect dialect, String schema) {
        return migrate(dataSource, dialect, schema, "latest");
    }

    /** Migrates up to a given version only: for tests that upgrade a schema holding an older version's data. */
    public static MigrationResult migrate(DataSource dataSource, WarehouseDialect dialect, String schema, String targetVersion) {
        // Flyway quotes the schema name; H2 folds unquoted names to upper case, PostgreSQL to lower case.
        String storedSchema = dialect == WarehouseDialect.H2 ? schema.toUpperCase(Locale.ROOT) : schema;
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(storedSchema)
                .defaultSchema(storedSchema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                .target(targetVersion)
                .load();
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        return new MigrationResult(result.migrationsExecuted, version);
    }
}
