package org.unifiedanalytics.model.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jooq.DataType;
import org.jooq.Table;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * How one kind of record is stored: its table, its columns, its natural key, and the checks beyond
 * what the columns' own types say (non-null, length, numeric precision are checked for every column).
 */
public final class RecordMapping<R extends WarehouseRecord> {
    private final Class<R> type;
    private final Table<?> table;
    private final List<Column<R, ?>> columns;
    private final List<Column<R, ?>> keys;
    private final BiConsumer<R, Violations> rules;

    RecordMapping(Class<R> type, Table<?> table, List<Column<R, ?>> columns, List<String> keyProperties,
                  BiConsumer<R, Violations> rules) {
        this.type = type;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rules = rules;
        List<Column<R, ?>> keyColumns = new ArrayList<>();
        for (String property : keyProperties) {
            keyColumns.add(columns.stream().filter(c -> c.property().equals(property)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column for key " + property + " of " + type)));
        }
        this.keys = List.copyOf(keyColumns);
    }

    public Class<R> type() {
        return type;
    }

    public Table<?> table() {
        return table;
    }

    public List<Column<R, ?>> columns() {
        return columns;
    }

    public List<Column<R, ?>> keys() {
        return keys;
    }

    /** The natural key's values of a record, for finding repeats within a batch. */
    List<Object> keyOf(R record) {
        List<Object> key = new ArrayList<>(keys.size());
        for (Column<R, ?> column : keys) {
            key.add(column.value().apply(record));
        }
        return key;
    }

    void validate(R record, Violations violations) {
        for (Column<R, ?> column : columns) {
            Object value;
            try {
                value = column.value().apply(record);
            } catch (RuntimeException e) {
                violations.add(column.property(), "cannot be read: " + e.getMessage());
                continue;
            }
            checkAgainstType(column, value, violations);
        }
        rules.accept(record, violations);
    }

    private static void checkAgainstType(Column<?, ?> column, Object value, Violations violations) {
        DataType<?> type = column.field().getDataType();
        if (value == null) {
            if (!type.nullable() && !type.identity()) {
                violations.add(column.property(), "is required");
            }
            return;
        }
        if (value instanceof String text) {
            if (!type.nullable() && text.isBlank()) {
                violations.add(column.property(), "must not be blank");
            }
            if (type.hasLength() && type.length() > 0 && text.length() > type.length()) {
                violations.add(column.property(), "has " + text.length() + " characters, at most " + type.length()
                        + " are stored");
            }
            StorableText.problem(text).ifPresent(problem -> violations.add(column.property(), problem));
        } else if (value instanceof LocalDateTime instant) {
            checkStorableYear(column, instant.getYear(), instant.toString() + "Z", violations);
        } else if (value instanceof LocalDate date) {
            checkStorableYear(column, date.getYear(), date, violations);
        } else if (value instanceof BigDecimal number && type.hasPrecision() && type.precision() > 0) {
            int scale = type.scale();
            // Stripping zeros allocates; only amounts written with more places than stored need it.
            BigDecimal exact = number.scale() > scale ? number.stripTrailingZeros() : number;
            if (exact.scale() > scale) {
                violations.add(column.property(), "has more than " + scale + " decimal places: "
                        + number.toPlainString() + " (rounding is the source's business, not the warehouse's)");
            }
            int integerDigits = exact.precision() - exact.scale();
            if (integerDigits > type.precision() - scale) {
                violations.add(column.property(), "is too large to store: " + number.toPlainString());
            }
        }
    }

    /** The years both databases store and print as four digits, as ISO 8601 writes them. */
    private static void checkStorableYear(Column<?, ?> column, int year, Object value, Violations violations) {
        if (year < 1 || year > 9999) {
            violations.add(column.property(), "is " + value + ", outside the years 1 to 9999 the warehouse stores");
        }
    }

    @Override
    public String toString() {
        return "RecordMapping[" + type.getSimpleName() + " -> " + table.getName() + "]";
    }
}
