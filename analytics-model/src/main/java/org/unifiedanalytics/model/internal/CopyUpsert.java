package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * A large batch of records upserted on PostgreSQL at {@code COPY} speed ({@link CopyStaging}): the same rows, the
 * same idempotence and the same caller's transaction as the batched upsert, about twice its rate.
 */
final class CopyUpsert<R extends WarehouseRecord> {
    private final List<Column<R, ?>> columns;
    private final CopyStaging staging;

    CopyUpsert(RecordMapping<R> mapping, DSLContext dsl) {
        this.columns = mapping.columns();
        List<Field<?>> fields = columns.stream().<Field<?>>map(Column::field).toList();
        List<Field<?>> keys = mapping.keys().stream().<Field<?>>map(Column::field).toList();
        List<Field<?>> updated = fields.stream().filter(f -> !keys.contains(f)).toList();
        this.staging = new CopyStaging(dsl, "ua_stage_" + mapping.table().getName(), mapping.table(), fields, keys, updated);
    }

    /**
     * Upserts the records through COPY, or answers false, having sent nothing, when this batch or connection cannot
     * take that path (too few records, a connection in autocommit mode or not pgJDBC's, a value it cannot render
     * exactly).
     */
    boolean tryExecute(Connection connection, Collection<R> records) throws SQLException {
        if (!CopyStaging.suits(connection, records.size())
                || !staging.copy(connection, records, (record, i) -> columns.get(i).value().apply(record))) {
            return false;
        }
        staging.merge(connection);
        return true;
    }
}
