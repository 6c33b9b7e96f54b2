package org.unifiedanalytics.query.importer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.jooq.Field;
import org.jooq.Table;
import org.unifiedanalytics.model.internal.StorableText;
import org.unifiedanalytics.model.values.Money;

/**
 * One CSV row: typed fields, each checked against the column it is written to (length, digits, decimals),
 * so that a value the database would cut or refuse is named here, by file, line and column, instead.
 */
final class CsvRow {
    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    /** The first instant of the year 1: the pattern's four-digit years start at 0, the warehouse's at 1. */
    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");

    private final Path file;
    private final CSVRecord record;
    private final Map<String, Integer> header;
    private final List<String> problems;
    private final CsvLines lines;
    private final Table<?> target;
    private boolean ok = true;

    CsvRow(Path file, CSVRecord record, Map<String, Integer> header, List<String> problems, CsvLines lines, Table<?> target) {
        this.file = file;
        this.record = record;
        this.header = header;
        this.problems = problems;
        this.lines = lines;
        this.target = target;
        if (!record.isConsistent()) {
            problem("(row)", "has " + record.size() + " fields, the header " + header.size());
        }
    }

    boolean ok() {
        return ok;
    }

    boolean has(String column) {
        return header.containsKey(column) && record.isSet(column) && !record.get(column).isEmpty();
    }

    void problem(String column, String what) {
        ok = false;
        problems.add(file.getFileName() + ": line " + lines.lineAt(record.getCharacterPosition()) + ", column " + column
                + ": " + what);
    }

    String text(String column, boolean required) {
        if (!has(column)) {
            if (required) {
                problem(column, "is required");
            }
            return null;
        }
        String value = record.get(column);
        Field<?> field = target.field(column);
        if (field != null && field.getDataType().hasLength() && value.length() > field.getDataType().length()) {
            problem(column, "has " + value.length() + " characters, more than the " + field.getDataType().length()
                    + " the warehouse keeps: '" + excerpt(value) + "'");
            return null;
        }
        Optional<String> unstorable = StorableText.problem(value);
        if (unstorable.isPresent()) {
            problem(column, unstorable.get());
            return null;
        }
        return value;
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    Long id(String column) {
        String text = text(column, true);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problem(column, "is not a whole number: '" + text + "'");
            return null;
        }
    }

    Instant instant(String column) {
        String text = text(column, true);
        if (text == null) {
            return null;
        }
        if (!UTC_INSTANT.matcher(text).matches()) {
            problem(column, "is not an ISO-8601 UTC instant like 2024-05-01T10:00:00Z: '" + text + "'");
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(FIRST_STORABLE)) {
                problem(column, "is in the year 0, before the year 1 the warehouse stores: '" + text + "'");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problem(column, "is not a valid instant: '" + text + "'");
            return null;
        }
    }

    Money money(String column, String currency) {
        String text = text(column, true);
        return text == null ? null : parseMoney(column, text, currency);
    }

    Money optionalMoney(String column, String currency, Money absent) {
        String text = text(column, false);
        return text == null ? absent : parseMoney(column, text, currency);
    }

    private Money parseMoney(String column, String text, String currency) {
        if (currency == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.stripTrailingZeros().scale() > Money.SCALE) {
                problem(column, "has more than " + Money.SCALE + " decimal places: '" + text + "'");
                return null;
            }
            Field<?> field = target.field(column);
            int wholeDigits = field == null ? 14 : field.getDataType().precision() - field.getDataType().scale();
            if (amount.precision() - amount.scale() > wholeDigits) {
                problem(column, "has more than " + wholeDigits + " digits before the decimal point, more than the warehouse"
                        + " keeps: '" + text + "'");
                return null;
            }
            return Money.of(amount, currency);
        } catch (NumberFormatException e) {
            problem(column, "is not a decimal amount: '" + text + "'");
        } catch (IllegalArgumentException e) {
            problem("currency", e.getMessage());
        }
        return null;
    }
}
