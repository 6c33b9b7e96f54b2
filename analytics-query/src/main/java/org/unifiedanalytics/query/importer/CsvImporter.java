package org.unifiedanalytics.query.importer;

import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.Field;
import org.jooq.Table;
import org.unifiedanalytics.model.AttributionChangeMarkers;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseTransaction;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * Loads touchpoints, conversions and orders from CSV files (layouts in {@link CsvKind}), so that the
 * queries can run on historical exports. A file is imported in one transaction: a bad row (named by
 * file, line and column) means nothing of the file is written, unless bad rows may be skipped. Importing
 * a file again updates its rows instead of adding them.
 *
 * <pre>{@code
 * CsvImporter importer = CsvImporter.on(warehouse);
 * importer.importFile(CsvKind.TOUCHPOINTS, Path.of("touchpoints.csv"), false);
 * importer.importFile(CsvKind.CONVERSIONS, Path.of("conversions.csv"), false);
 * }</pre>
 */
public final class CsvImporter {
    /** The source platform of imported touches and conversions, whose ids are the files' own. */
    public static final String PLATFORM = "csv";

    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    private static final int CHUNK = 5_000;
    private static final int PROGRESS_EVERY_ROWS = 1_000;

    private final Warehouse warehouse;
    private final ChannelClassifier classifier;
    private final ImportProgress progress;

    private CsvImporter(Warehouse warehouse, ChannelClassifier classifier, ImportProgress progress) {
        this.warehouse = warehouse;
        this.classifier = classifier;
        this.progress = progress;
    }

    public static CsvImporter on(Warehouse warehouse) {
        return new CsvImporter(Objects.requireNonNull(warehouse, "warehouse"), ChannelClassifier.ga4Default(),
                ImportProgress.NONE);
    }

    /** An importer that derives a touch's channel group, when the file has none, with this classifier. */
    public CsvImporter withClassifier(ChannelClassifier classifier) {
        return new CsvImporter(warehouse, Objects.requireNonNull(classifier, "classifier"), progress);
    }

    /** An importer that tells {@code progress} how far it has read each file. */
    public CsvImporter withProgress(ImportProgress progress) {
        return new CsvImporter(warehouse, classifier, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Imports one file.
     *
     * @param skipBadRows write the good rows and report the bad ones, instead of refusing the file
     * @throws CsvImportException listing every problem, when the file is refused
     */
    public ImportResult importFile(CsvKind kind, Path file, boolean skipBadRows) {
        List<String> problems = new ArrayList<>();
        long imported = warehouse.inTransaction(tx -> {
            long written = read(kind, file, tx, problems);
            if (!problems.isEmpty() && !skipBadRows) {
                throw new CsvImportException(problems);
            }
            return written;
        });
        if (kind != CsvKind.ORDERS) {
            IdKeyedRows.restartIdentity(kind, warehouse);
        }
        AttributionChangeMarkers.on(warehouse).discardIfNoCreditsKept();
        // a bulk load leaves the embedded file many times the size of its data (see Warehouse.compact)
        return new ImportResult(file, kind, imported, problems, warehouse.compactIfWorthIt());
    }

    private long read(CsvKind kind, Path file, WarehouseTransaction tx, List<String> problems) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             Reader reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8));
             CSVParser parser = format.parse(reader); CsvLines lines = new CsvLines(file)) {
            long fileBytes = Files.size(file);
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = kind.required().stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new CsvImportException(List.of(file + ": the header lacks the column(s) " + missing + "; a "
                        + kind.name().toLowerCase(Locale.ROOT) + " file has " + kind.required() + " and may have "
                        + kind.optional()));
            }
            List<Object[]> rows = new ArrayList<>();
            List<WarehouseRecord> records = new ArrayList<>();
            long written = 0;
            Table<?> target = kind == CsvKind.TOUCHPOINTS ? TOUCHPOINT : kind == CsvKind.CONVERSIONS ? CONVERSION : SALES_ORDER;
            long rowsRead = 0;
            for (CSVRecord csv : parser) {
                if (++rowsRead % PROGRESS_EVERY_ROWS == 0) {
                    progress.progressed(file, Math.min(bytes.count(), fileBytes), fileBytes, rowsRead);
                }
                Row row = new Row(file, csv, header, problems, lines, target);
                switch (kind) {
                    case TOUCHPOINTS -> touchpoint(row, rows);
                    case CONVERSIONS -> conversion(row, rows);
                    case ORDERS -> order(row, records);
                }
                if (rows.size() >= CHUNK || records.size() >= CHUNK) {
                    written += flush(kind, tx, rows, records);
                }
            }
            written += flush(kind, tx, rows, records);
            progress.progressed(file, fileBytes, fileBytes, rowsRead);
            return written;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CsvImportException(List.of(file + ": cannot be read as CSV: " + e.getMessage()));
        }
    }

    private void touchpoint(Row row, List<Object[]> out) {
        Long id = row.id("touchpoint_id");
        String customer = row.text("customer_key", true);
        Instant at = row.instant("occurred_at");
        String type = row.text("touch_type", true);
        String channel = row.text("channel", true);
        String source = row.text("source", false);
        String medium = row.text("medium", false);
        String campaign = row.text("campaign", false);
        String group = row.text("channel_group", false);
        if (customer != null && customer.length() > CustomerKey.MAX_LENGTH) {
            row.problem("customer_key", "has more than " + CustomerKey.MAX_LENGTH + " characters");
        }
        if (row.ok()) {
            out.add(new Object[]{id, customer, utc(at), type, channel.toLowerCase(Locale.ROOT),
                    group != null ? group : classifier.classify(source, medium, campaign).name(), source, medium, campaign,
                    row.text("content_id", false), PLATFORM, String.valueOf(id)});
        }
    }

    private void conversion(Row row, List<Object[]> out) {
        Long id = row.id("conversion_id");
        Instant at = row.instant("occurred_at");
        Money revenue = row.money("revenue", row.text("currency", true));
        String customer = row.text("customer_key", false);
        if (revenue != null && revenue.isNegative()) {
            row.problem("revenue", "must not be negative");
        }
        if (row.ok()) {
            out.add(new Object[]{id, customer, utc(at), revenue.amount(), revenue.currencyCode(), "order", PLATFORM,
                    String.valueOf(id)});
        }
    }

    private void order(Row row, List<WarehouseRecord> out) {
        String currency = row.text("currency", true);
        String platform = row.text("source_platform", true);
        String id = row.text("order_id", true);
        Instant created = row.instant("created_at");
        Instant updated = row.has("updated_at") ? row.instant("updated_at") : created;
        Money total = row.money("total", currency);
        Money zero = currency == null || !row.ok() ? null : Money.of("0", currency);
        Money subtotal = row.optionalMoney("subtotal", currency, total);
        Money discounts = row.optionalMoney("discounts", currency, zero);
        Money shipping = row.optionalMoney("shipping", currency, zero);
        Money tax = row.optionalMoney("tax", currency, zero);
        Money refunded = row.optionalMoney("refunded", currency, zero);
        String customer = row.text("customer_key", false);
        if (row.ok()) {
            CustomerKey key = customer == null ? null : CustomerKey.of(customer);
            SalesOrder order = new SalesOrder(platform, id, platform, row.text("order_number", false), created, updated, null,
                    null, null, subtotal, discounts, shipping, tax, total, refunded, key,
                    new Utm(row.text("utm_source", false), row.text("utm_medium", false), row.text("utm_campaign", false),
                            row.text("utm_content", false), row.text("utm_term", false)),
                    row.text("referring_site", false), row.text("landing_page", false), null);
            Money net = order.netRevenue();
            out.add(order);
            out.add(new Conversion(platform, id, key, created, net.isNegative() ? Money.zero(net.currency()) : net, "order"));
        }
    }

    private long flush(CsvKind kind, WarehouseTransaction tx, List<Object[]> rows, List<WarehouseRecord> records) {
        long count;
        if (kind == CsvKind.ORDERS) {
            count = records.size() / 2;
            tx.write(records);
        } else {
            count = rows.size();
            if (!rows.isEmpty()) {
                IdKeyedRows.upsert(kind, tx, rows);
            }
        }
        rows.clear();
        records.clear();
        return count;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One CSV row: typed fields, each checked against the column it is written to (length, digits, decimals),
     * so that a value the database would cut or refuse is named here, by file, line and column, instead.
     */
    private static final class Row {
        private final Path file;
        private final CSVRecord record;
        private final Map<String, Integer> header;
        private final List<String> problems;
        private final CsvLines lines;
        private final Table<?> target;
        private boolean ok = true;

        Row(Path file, CSVRecord record, Map<String, Integer> header, List<String> problems, CsvLines lines, Table<?> target) {
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
                return Instant.parse(text);
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
}
