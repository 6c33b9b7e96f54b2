package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.InvalidRecordsException;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.WriteResult;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * Validates a batch of records of any kinds, then upserts them kind by kind on one connection, in the
 * caller's transaction. Nothing is sent to the database unless every record of the batch is valid. Writes of
 * touchpoints and conversions leave their change markers for attribution ({@link AttributionChangeLog}).
 */
public final class RecordWriter {
    private final DSLContext dsl;
    private final WarehouseDialect dialect;
    private final Map<Class<?>, UpsertStatement<?>> statements = new ConcurrentHashMap<>();
    private final AttributionChangeLog changes;
    private final TableStatistics statistics = new TableStatistics();

    public RecordWriter(DSLContext dsl, WarehouseDialect dialect) {
        this.dsl = dsl;
        this.dialect = dialect;
        this.changes = new AttributionChangeLog(dsl);
    }

    public WriteResult write(Connection connection, Collection<? extends WarehouseRecord> records) {
        if (records.isEmpty()) {
            return WriteResult.EMPTY;
        }
        Map<Class<?>, Map<List<Object>, WarehouseRecord>> byKind = validateAndGroup(records);
        Map<String, Integer> rows = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<Class<?>, Map<List<Object>, WarehouseRecord>> group : byKind.entrySet()) {
            UpsertStatement<?> statement = statementFor(group.getKey());
            Collection<WarehouseRecord> batch = group.getValue().values();
            try {
                changes.recordWrite(connection, group.getKey(), batch);
                executeUnchecked(statement, connection, batch);
                if (dialect == WarehouseDialect.POSTGRES) {
                    statistics.written(connection, statement.qualifiedTable(), batch.size());
                }
            } catch (SQLException e) {
                throw new AnalyticsException("writing " + batch.size() + " record(s) to " + statement.mappingTable()
                        + " failed: " + e.getMessage(), e);
            }
            rows.merge(statement.mappingTable(), batch.size(), Integer::sum);
            total += batch.size();
        }
        return new WriteResult(total, rows);
    }

    /** The upsert SQL of a record kind, as sent to the database. */
    public String upsertSql(Class<? extends WarehouseRecord> type) {
        return statementFor(type).sql();
    }

    private Map<Class<?>, Map<List<Object>, WarehouseRecord>> validateAndGroup(Collection<? extends WarehouseRecord> records) {
        Violations violations = new Violations();
        Map<Class<?>, Map<List<Object>, WarehouseRecord>> byKind = new LinkedHashMap<>();
        int index = 0;
        for (WarehouseRecord record : records) {
            if (record == null) {
                throw new IllegalArgumentException("record #" + index + " of the batch is null");
            }
            violations.startRecord(index++, record);
            validate(record, violations);
            // A record repeated in one batch is written once, its last version winning: one statement must not
            // touch the same row twice (PostgreSQL refuses that in a rewritten multi-row insert).
            byKind.computeIfAbsent(record.getClass(), k -> new LinkedHashMap<>())
                    .put(keyOf(record), record);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordsException(violations.list());
        }
        return byKind;
    }

    @SuppressWarnings("unchecked")
    private static <R extends WarehouseRecord> void validate(R record, Violations violations) {
        Mappings.forType((Class<R>) record.getClass()).validate(record, violations);
    }

    @SuppressWarnings("unchecked")
    private static <R extends WarehouseRecord> List<Object> keyOf(R record) {
        return Mappings.forType((Class<R>) record.getClass()).keyOf(record);
    }

    @SuppressWarnings("unchecked")
    private static <R extends WarehouseRecord> void executeUnchecked(UpsertStatement<R> statement, Connection connection,
                                                                   Collection<WarehouseRecord> batch) throws SQLException {
        statement.execute(connection, (Collection<R>) (Collection<?>) batch);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private UpsertStatement<?> statementFor(Class<?> type) {
        return statements.computeIfAbsent(type,
                t -> new UpsertStatement(Mappings.forType((Class<WarehouseRecord>) t), dsl, dialect));
    }
}
