package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * The upsert of one record kind, rendered once from the generated table metadata and run as a JDBC
 * batch. Rendering once and binding raw keeps the type safety of the mapping at the speed of
 * hand-written JDBC (jOOQ's own multi-row MERGE is quadratic to parse on H2).
 *
 * <p>H2 gets its native {@code MERGE INTO ... KEY (...)}; PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE}, and for a
 * large batch {@code COPY} into a staging table and one merge ({@link CopyUpsert}).
 */
final class UpsertStatement<R extends WarehouseRecord> {

    /** Rows sent to the database in one JDBC batch. */
    static final int BATCH_SIZE = 1_000;

    private final RecordMapping<R> mapping;
    private final String sql;
    private final int[] sqlTypes;
    /** Large batches on PostgreSQL; absent on H2. */
    private final CopyUpsert<R> copy;
    private final String qualifiedTable;

    UpsertStatement(RecordMapping<R> mapping, DSLContext dsl, WarehouseDialect dialect) {
        this.mapping = mapping;
        this.qualifiedTable = dsl.render(mapping.table());
        this.sql = render(mapping, dsl, dialect);
        this.copy = dialect == WarehouseDialect.POSTGRES ? new CopyUpsert<>(mapping, dsl) : null;
        this.sqlTypes = mapping.columns().stream().mapToInt(c -> c.field().getDataType().getSQLType()).toArray();
    }

    String sql() {
        return sql;
    }

    String mappingTable() {
        return mapping.table().getName();
    }

    /** The table as SQL names it, schema included. */
    String qualifiedTable() {
        return qualifiedTable;
    }

    /** Upserts the records on the connection, in the caller's transaction. */
    void execute(Connection connection, Collection<R> records) throws SQLException {
        if (copy != null && copy.tryExecute(connection, records)) {
            return;
        }
        List<Column<R, ?>> columns = mapping.columns();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (R record : records) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = columns.get(i).value().apply(record);
                    if (value == null) {
                        statement.setNull(i + 1, sqlTypes[i]);
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private static String render(RecordMapping<?> mapping, DSLContext dsl, WarehouseDialect dialect) {
        String table = dsl.render(mapping.table());
        List<String> names = mapping.columns().stream().map(c -> dsl.render(DSL.name(c.field().getName()))).toList();
        List<String> keys = mapping.keys().stream().map(c -> dsl.render(DSL.name(c.field().getName()))).toList();
        String columnList = String.join(", ", names);
        String parameterMarks = names.stream().map(n -> "?").collect(Collectors.joining(", "));
        return switch (dialect) {
            case H2 -> "MERGE INTO " + table + " (" + columnList + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                    + parameterMarks + ")";
            case POSTGRES -> {
                String updates = names.stream().filter(n -> !keys.contains(n)).map(n -> n + " = EXCLUDED." + n)
                        .collect(Collectors.joining(", "));
                yield "INSERT INTO " + table + " (" + columnList + ") VALUES (" + parameterMarks + ") ON CONFLICT ("
                        + String.join(", ", keys) + ") DO UPDATE SET " + updates;
            }
        };
    }
}
