package org.unifiedanalytics.query.importer;

import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.Table;
import org.unifiedanalytics.model.AttributionChangeMarkers;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
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

    private static final int CHUNK = 20_000;
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

    /** Writes the file's chunks as a thread of their own parses them, so that parsing and writing overlap. */
    private long read(CsvKind kind, Path file, WarehouseTransaction tx, List<String> problems) {
        try (ParsedChunks<Chunk> chunks = new ParsedChunks<>("csv-import " + file.getFileName(),
                sink -> parse(kind, file, problems, sink))) {
            long written = 0;
            for (Optional<Chunk> chunk = chunks.next(); chunk.isPresent(); chunk = chunks.next()) {
                written += write(tx, chunk.get());
            }
            return written;
        }
    }

    /** A chunk of a file, parsed and made ready to write on the parsing thread. */
    private sealed interface Chunk {
        /** Orders, as records for the warehouse's writers (an order and its conversion each). */
        record Orders(List<WarehouseRecord> records) implements Chunk {
        }

        /** Touchpoints or conversions, keyed by their ids, prepared for COPY or a batched upsert. */
        record IdKeyed(IdKeyedRows.Batch batch) implements Chunk {
        }

        static Chunk of(CsvKind kind, List<Object[]> rows, List<WarehouseRecord> records, IdKeyedRows.NewValueMarks marks,
                        boolean last, boolean postgres) {
            return kind == CsvKind.ORDERS ? new Orders(records) : new IdKeyed(IdKeyedRows.prepare(kind, rows, marks, last, postgres));
        }
    }

    /** Parses and checks the file's rows into chunks; its problems go to {@code problems}. */
    private void parse(CsvKind kind, Path file, List<String> problems, ParsedChunks.Sink<Chunk> sink)
            throws InterruptedException {
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
            boolean postgres = warehouse.dialect() == WarehouseDialect.POSTGRES;
            IdKeyedRows.NewValueMarks marks = new IdKeyedRows.NewValueMarks();
            Table<?> target = kind == CsvKind.TOUCHPOINTS ? TOUCHPOINT : kind == CsvKind.CONVERSIONS ? CONVERSION : SALES_ORDER;
            long rowsRead = 0;
            for (CSVRecord csv : parser) {
                if (++rowsRead % PROGRESS_EVERY_ROWS == 0) {
                    progress.progressed(file, Math.min(bytes.count(), fileBytes), fileBytes, rowsRead);
                }
                CsvRow row = new CsvRow(file, csv, header, problems, lines, target);
                switch (kind) {
                    case TOUCHPOINTS -> touchpoint(row, rows);
                    case CONVERSIONS -> conversion(row, rows);
                    case ORDERS -> order(row, records);
                }
                if (rows.size() >= CHUNK || records.size() >= CHUNK) {
                    sink.accept(Chunk.of(kind, rows, records, marks, false, postgres));
                    rows = new ArrayList<>();
                    records = new ArrayList<>();
                }
            }
            sink.accept(Chunk.of(kind, rows, records, marks, true, postgres));
            progress.progressed(file, fileBytes, fileBytes, rowsRead);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CsvImportException(List.of(file + ": cannot be read as CSV: " + e.getMessage()));
        }
    }

    private void touchpoint(CsvRow row, List<Object[]> out) {
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

    private void conversion(CsvRow row, List<Object[]> out) {
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

    private void order(CsvRow row, List<WarehouseRecord> out) {
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

    /** Writes a chunk; returns how many rows of the file it held. */
    private static long write(WarehouseTransaction tx, Chunk chunk) {
        if (chunk instanceof Chunk.Orders orders) {
            tx.write(orders.records());
            return orders.records().size() / 2;
        }
        IdKeyedRows.Batch batch = ((Chunk.IdKeyed) chunk).batch();
        IdKeyedRows.upsert(tx, batch);
        return batch.rows().size();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
