package org.unifiedanalytics.model.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * A large batch upserted on PostgreSQL at {@code COPY} speed: the rows are copied into a temporary staging table of
 * the session (made once, emptied at each commit and before each use), then merged by one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}: the same rows, the same idempotence and the same caller's
 * transaction as the batched upsert, about twice its rate (measured in {@code WriterBenchmark}).
 *
 * <p>Every value is rendered to CSV in Java before anything is sent, so a value this path cannot render exactly
 * (a type it does not know, an instant finer than the column's microseconds) sends the batch the ordinary way
 * instead, and never leaves a failed statement in the caller's transaction.
 */
final class CopyUpsert<R extends WarehouseRecord> {
    /** From this many records a batch goes through COPY; fewer are not worth the staging table's round trips. */
    static final int THRESHOLD = 2_000;

    private final RecordMapping<R> mapping;
    private final String staging;
    private final String createStaging;
    private final String copy;
    private final String merge;

    CopyUpsert(RecordMapping<R> mapping, DSLContext dsl) {
        this.mapping = mapping;
        String table = dsl.render(mapping.table());
        List<String> names = mapping.columns().stream().map(c -> dsl.render(DSL.name(c.field().getName()))).toList();
        List<String> keys = mapping.keys().stream().map(c -> dsl.render(DSL.name(c.field().getName()))).toList();
        String columns = String.join(", ", names);
        this.staging = dsl.render(DSL.name("ua_stage_" + mapping.table().getName()));
        this.createStaging = "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " ON COMMIT DELETE ROWS AS SELECT " + columns
                + " FROM " + table + " WITH NO DATA";
        this.copy = "COPY " + staging + " (" + columns + ") FROM STDIN (FORMAT csv)";
        String updates = names.stream().filter(n -> !keys.contains(n)).map(n -> n + " = EXCLUDED." + n)
                .collect(Collectors.joining(", "));
        this.merge = "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + staging + " ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + updates;
    }

    /**
     * Upserts the records through COPY, or answers false, having sent nothing, when this batch or connection cannot
     * take that path (too few records, a connection in autocommit mode or not pgJDBC's, a value it cannot render
     * exactly).
     */
    boolean tryExecute(Connection connection, Collection<R> records) throws SQLException {
        // the staging table empties itself at commit: in autocommit mode it would be empty before the merge
        if (records.size() < THRESHOLD || connection.getAutoCommit() || !connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        Optional<String> csv = render(records);
        if (csv.isEmpty()) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStaging);
            // a staging table of the session may hold an earlier batch of this transaction
            statement.execute("TRUNCATE " + staging);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.get()));
            statement.executeUpdate(merge);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + staging + " failed: " + e.getMessage(), e);
        }
        return true;
    }

    private Optional<String> render(Collection<R> records) {
        List<Column<R, ?>> columns = mapping.columns();
        StringBuilder csv = new StringBuilder(records.size() * columns.size() * 12);
        for (R record : records) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (!append(csv, columns.get(i).value().apply(record))) {
                    return Optional.empty();
                }
            }
            csv.append('\n');
        }
        return Optional.of(csv.toString());
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, a quoted one a string (so "" is the empty string). */
    private static boolean append(StringBuilder csv, Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String text) {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Boolean) {
            csv.append(value);
        } else if (value instanceof LocalDate date) {
            csv.append(date);
        } else if (value instanceof LocalDateTime time && time.getNano() % 1_000 == 0 && time.getYear() >= 1 && time.getYear() <= 9999) {
            csv.append(time);
        } else {
            return false;
        }
        return true;
    }
}
