package org.unifiedanalytics.model.internal;

import java.io.IOException;
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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * A temporary staging table of the session for one warehouse table, filled by PostgreSQL's {@code COPY} and merged
 * into the table by one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}: a large batch upserted at about twice the
 * batched upsert's rate (measured in {@code WriterBenchmark}). The staging table is made once per session, empties
 * itself at each commit and is emptied before each copy.
 *
 * <p>Every value is rendered to CSV in Java before anything is sent, so a value this path cannot render exactly (a
 * type it does not know, an instant finer than the column's microseconds) is known before a statement could fail in
 * the caller's transaction: {@link #copy} then answers false, having sent nothing, and the caller writes the batch
 * the ordinary way.
 */
public final class CopyStaging {
    /** From this many rows a batch goes through COPY; fewer are not worth the staging table's round trips. */
    public static final int THRESHOLD = 2_000;

    private final int width;
    private final String staging;
    private final String createStaging;
    private final String copy;
    private final String merge;

    /**
     * @param name    the staging table's name, unique among the session's staging tables of other columns
     * @param columns the columns copied, in the order of each row's values
     * @param keys    the conflict target of the merge
     * @param updated the columns a conflicting row takes from the batch
     */
    public CopyStaging(DSLContext dsl, String name, Table<?> table, List<? extends Field<?>> columns,
                       List<? extends Field<?>> keys, List<? extends Field<?>> updated) {
        this.width = columns.size();
        this.staging = dsl.render(DSL.name(name));
        String target = dsl.render(table);
        String names = names(dsl, columns);
        this.createStaging = "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " ON COMMIT DELETE ROWS AS SELECT " + names
                + " FROM " + target + " WITH NO DATA";
        this.copy = "COPY " + staging + " (" + names + ") FROM STDIN (FORMAT csv)";
        String updates = updated.stream().map(f -> dsl.render(DSL.name(f.getName())))
                .map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "));
        this.merge = "INSERT INTO " + target + " (" + names + ") SELECT " + names + " FROM " + staging + " ON CONFLICT ("
                + names(dsl, keys) + ") DO UPDATE SET " + updates;
    }

    /** The staging table's name as SQL, for statements of the caller that read the batch before the merge. */
    public String table() {
        return staging;
    }

    /**
     * Whether a batch of this many rows takes this path on this connection: enough rows, pgJDBC's connection, and a
     * transaction (in autocommit mode the staging table would be empty again before the merge).
     */
    public static boolean suits(Connection connection, int rows) throws SQLException {
        return rows >= THRESHOLD && !connection.getAutoCommit() && connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Copies the batch into the staging table, replacing what an earlier batch of this transaction left there, or
     * answers false, having sent nothing, when a value cannot be rendered exactly.
     *
     * @param value the value of an item's column, by the column's position
     */
    public <T> boolean copy(Connection connection, Collection<T> items, BiFunction<T, Integer, Object> value)
            throws SQLException {
        Optional<String> csv = render(items, width, value);
        if (csv.isEmpty()) {
            return false;
        }
        copy(connection, csv.get());
        return true;
    }

    /** Copies a batch rendered by {@link #render} into the staging table, replacing what an earlier batch left. */
    public void copy(Connection connection, String csv) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStaging);
            statement.execute("TRUNCATE " + staging);
        }
        copyIn(connection, copy, staging, csv);
    }

    /**
     * Appends rows to a table that takes them without conflicts (no key of theirs can be there already) by one
     * {@code COPY} straight into it, or answers false, having sent nothing, when a value cannot be rendered exactly.
     */
    public static <T> boolean append(Connection connection, DSLContext dsl, Table<?> table, List<? extends Field<?>> columns,
                                     Collection<T> items, BiFunction<T, Integer, Object> value) throws SQLException {
        Optional<String> csv = render(items, columns.size(), value);
        if (csv.isEmpty()) {
            return false;
        }
        String target = dsl.render(table);
        copyIn(connection, "COPY " + target + " (" + names(dsl, columns) + ") FROM STDIN (FORMAT csv)", target, csv.get());
        return true;
    }

    private static void copyIn(Connection connection, String sql, String target, String csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Merges the copied batch into the table; answers the rows inserted or updated. */
    public int merge(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(merge);
        }
    }

    /**
     * The items as the CSV that {@link #copy(Connection, String)} sends, or empty when a value cannot be rendered
     * exactly: work that needs no connection, so a caller may do it on another thread.
     *
     * @param width the number of columns
     */
    public static <T> Optional<String> render(Collection<T> items, int width, BiFunction<T, Integer, Object> value) {
        StringBuilder csv = new StringBuilder(items.size() * width * 12);
        for (T item : items) {
            for (int i = 0; i < width; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (!append(csv, value.apply(item, i))) {
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

    private static String names(DSLContext dsl, List<? extends Field<?>> fields) {
        return fields.stream().map(f -> dsl.render(DSL.name(f.getName()))).collect(Collectors.joining(", "));
    }
}
