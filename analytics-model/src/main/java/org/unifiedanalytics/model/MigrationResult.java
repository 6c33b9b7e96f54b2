package org.unifiedanalytics.model;

/**
 * What {@link Warehouse#migrate()} did.
 *
 * @param migrationsApplied how many migrations ran now (0 when the schema was already current)
 * @param schemaVersion     the schema's version afterwards
 */
public record MigrationResult(int migrationsApplied, String schemaVersion) {
}
