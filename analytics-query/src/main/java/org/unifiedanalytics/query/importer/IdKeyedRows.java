package org.unifiedanalytics.query.importer;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.max;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.unifiedanalytics.model.AttributionInputChange;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.WarehouseTransaction;
import org.unifiedanalytics.model.internal.AttributionChangeLog;
import org.unifiedanalytics.model.internal.CopyStaging;
import org.unifiedanalytics.model.values.CustomerKey;

/**
 * Touchpoints and conversions of a CSV file, which keep the file's ids (ties are broken by them): upserted on the id
 * with the importer's own SQL, so they leave attribution's change markers themselves, and the identity continues above
 * the largest id afterwards. A row is {@code [id, customer key or null, occurred at (UTC), ...columns]}.
 */
final class IdKeyedRows {

    private IdKeyedRows() {
    }

    /**
     * A chunk of a file's rows made ready to write, work that needs no connection: the last row per id, for
     * PostgreSQL a large chunk already rendered for COPY, and the markers of new values gathered so far, if this
     * chunk writes them.
     */
    record Batch(CsvKind kind, Collection<Object[]> rows, Optional<String> copyCsv,
                 Map<String, LocalDateTime> newValueMarks) {
    }

    /**
     * The markers of the new values of a file's rows, per customer the earliest instant, gathered as the file is
     * parsed and written with the chunk that fills them and with the last: a file of a million touches of a hundred
     * thousand customers leaves about a hundred thousand markers, not one per customer and chunk.
     */
    static final class NewValueMarks {
        /** Customers held before their markers go out with the next chunk, so that memory stays bounded. */
        static final int HELD = 100_000;

        private Map<String, LocalDateTime> earliest = new HashMap<>();

        private Map<String, LocalDateTime> add(Collection<Object[]> rows, boolean last) {
            for (Object[] row : rows) {
                String customer = row[1] == null ? AttributionChangeLog.WITHOUT_CUSTOMER : (String) row[1];
                earliest.merge(customer, (LocalDateTime) row[2], (a, b) -> a.isBefore(b) ? a : b);
            }
            if (!last && earliest.size() < HELD) {
                return Map.of();
            }
            Map<String, LocalDateTime> full = earliest;
            earliest = new HashMap<>();
            return full;
        }
    }

    static Batch prepare(CsvKind kind, List<Object[]> fileRows, NewValueMarks marks, boolean last, boolean postgres) {
        Collection<Object[]> rows = lastPerId(fileRows);
        Optional<String> csv = postgres && rows.size() >= CopyStaging.THRESHOLD
                ? CopyStaging.render(rows, rows.iterator().next().length, (row, i) -> row[i])
                : Optional.empty();
        return new Batch(kind, rows, csv, marks.add(rows, last));
    }

    /**
     * Marks the customers of the rows they replace and the batch's markers of new values, then upserts the rows, in
     * the transaction: on PostgreSQL a large batch through COPY and set-based statements, otherwise a batched upsert.
     */
    static void upsert(WarehouseTransaction tx, Batch batch) {
        CsvKind kind = batch.kind();
        tx.markAttributionInputsChanged(batch.newValueMarks().entrySet().stream()
                .map(mark -> change(mark.getKey(), mark.getValue())).toList());
        if (batch.rows().isEmpty()) {
            return;
        }
        try {
            if (batch.copyCsv().isPresent() && CopyStaging.suits(tx.connection(), batch.rows().size())) {
                CopyStaging staging = staging(kind, tx.dsl());
                staging.copy(tx.connection(), batch.copyCsv().get());
                markReplacedFromStaging(kind, tx, staging);
                staging.merge(tx.connection());
                return;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Writing " + batch.rows().size() + " " + kind.name().toLowerCase(Locale.ROOT)
                    + " through COPY failed: " + e.getMessage(), e);
        }
        tx.markAttributionInputsChanged(replaced(kind, tx.dsl(), batch.rows()));
        batchUpsert(kind, tx, batch.rows());
    }

    /**
     * A file may repeat an id, the later row winning: only that row is written and marked (one merge statement must
     * not meet a row twice, and the earlier row's customer never sees it).
     */
    private static Collection<Object[]> lastPerId(List<Object[]> rows) {
        Map<Object, Object[]> byId = new LinkedHashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            byId.put(row[0], row);
        }
        return byId.values();
    }

    private static CopyStaging staging(CsvKind kind, DSLContext dsl) {
        if (kind == CsvKind.TOUCHPOINTS) {
            var t = TOUCHPOINT;
            return new CopyStaging(dsl, "ua_stage_touchpoint_by_id", t, List.of(t.TOUCHPOINT_ID, t.CUSTOMER_KEY,
                    t.OCCURRED_AT, t.TOUCH_TYPE, t.CHANNEL, t.CHANNEL_GROUP, t.SOURCE, t.MEDIUM, t.CAMPAIGN, t.CONTENT_ID,
                    t.SOURCE_PLATFORM, t.EXTERNAL_ID), List.of(t.TOUCHPOINT_ID), List.of(t.CUSTOMER_KEY, t.OCCURRED_AT,
                    t.TOUCH_TYPE, t.CHANNEL, t.CHANNEL_GROUP, t.SOURCE, t.MEDIUM, t.CAMPAIGN, t.CONTENT_ID));
        }
        var c = CONVERSION;
        return new CopyStaging(dsl, "ua_stage_conversion_by_id", c, List.of(c.CONVERSION_ID, c.CUSTOMER_KEY, c.OCCURRED_AT,
                c.REVENUE, c.CURRENCY, c.CONVERSION_TYPE, c.SOURCE_PLATFORM, c.EXTERNAL_ID), List.of(c.CONVERSION_ID),
                List.of(c.CUSTOMER_KEY, c.OCCURRED_AT, c.REVENUE, c.CURRENCY));
    }

    /**
     * The markers of the stored rows a copied batch replaces, set-based: per customer the earliest instant, as
     * {@link WarehouseTransaction#markAttributionInputsChanged} would append them.
     */
    private static void markReplacedFromStaging(CsvKind kind, WarehouseTransaction tx, CopyStaging staging) {
        DSLContext dsl = tx.dsl();
        Table<?> target = kind == CsvKind.TOUCHPOINTS ? TOUCHPOINT : CONVERSION;
        String id = kind == CsvKind.TOUCHPOINTS ? "touchpoint_id" : "conversion_id";
        String rows = staging.table();
        // probed within the batch's id range: a batch of new ids, above every stored one, finds that range of the
        // key empty at once
        dsl.execute("INSERT INTO " + dsl.render(ATTRIBUTION_CHANGE) + " (customer_key, changed_from)"
                + " SELECT coalesce(t.customer_key, '" + AttributionChangeLog.WITHOUT_CUSTOMER + "'), min(t.occurred_at)"
                + " FROM " + dsl.render(target) + " t"
                + " WHERE t." + id + " BETWEEN (SELECT min(" + id + ") FROM " + rows + ") AND (SELECT max(" + id + ") FROM " + rows + ")"
                + " AND EXISTS (SELECT 1 FROM " + rows + " s WHERE s." + id + " = t." + id + ")"
                + " GROUP BY 1 ORDER BY 1");
    }

    private static void batchUpsert(CsvKind kind, WarehouseTransaction tx, Collection<Object[]> rows) {
        DSLContext dsl = tx.dsl();
        BatchBindStep batch;
        if (kind == CsvKind.TOUCHPOINTS) {
            var t = TOUCHPOINT;
            batch = dsl.batch(dsl.insertInto(t, t.TOUCHPOINT_ID, t.CUSTOMER_KEY, t.OCCURRED_AT, t.TOUCH_TYPE, t.CHANNEL,
                            t.CHANNEL_GROUP, t.SOURCE, t.MEDIUM, t.CAMPAIGN, t.CONTENT_ID, t.SOURCE_PLATFORM, t.EXTERNAL_ID)
                    .values((Long) null, null, null, null, null, null, null, null, null, null, null, null)
                    .onConflict(t.TOUCHPOINT_ID).doUpdate()
                    .set(t.CUSTOMER_KEY, excluded(t.CUSTOMER_KEY))
                    .set(t.OCCURRED_AT, excluded(t.OCCURRED_AT))
                    .set(t.TOUCH_TYPE, excluded(t.TOUCH_TYPE))
                    .set(t.CHANNEL, excluded(t.CHANNEL))
                    .set(t.CHANNEL_GROUP, excluded(t.CHANNEL_GROUP))
                    .set(t.SOURCE, excluded(t.SOURCE))
                    .set(t.MEDIUM, excluded(t.MEDIUM))
                    .set(t.CAMPAIGN, excluded(t.CAMPAIGN))
                    .set(t.CONTENT_ID, excluded(t.CONTENT_ID)));
        } else {
            var c = CONVERSION;
            batch = dsl.batch(dsl.insertInto(c, c.CONVERSION_ID, c.CUSTOMER_KEY, c.OCCURRED_AT, c.REVENUE, c.CURRENCY,
                            c.CONVERSION_TYPE, c.SOURCE_PLATFORM, c.EXTERNAL_ID)
                    .values((Long) null, null, null, null, null, null, null, null)
                    .onConflict(c.CONVERSION_ID).doUpdate()
                    .set(c.CUSTOMER_KEY, excluded(c.CUSTOMER_KEY))
                    .set(c.OCCURRED_AT, excluded(c.OCCURRED_AT))
                    .set(c.REVENUE, excluded(c.REVENUE))
                    .set(c.CURRENCY, excluded(c.CURRENCY)));
        }
        for (Object[] row : rows) {
            batch = batch.bind(row);
        }
        batch.execute();
    }

    /** A change for each stored row that the rows replace. */
    private static List<AttributionInputChange> replaced(CsvKind kind, DSLContext dsl, Collection<Object[]> rows) {
        List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
        var replaced = kind == CsvKind.TOUCHPOINTS
                ? dsl.select(TOUCHPOINT.CUSTOMER_KEY, TOUCHPOINT.OCCURRED_AT).from(TOUCHPOINT).where(TOUCHPOINT.TOUCHPOINT_ID.in(ids))
                : dsl.select(CONVERSION.CUSTOMER_KEY, CONVERSION.OCCURRED_AT).from(CONVERSION).where(CONVERSION.CONVERSION_ID.in(ids));
        return replaced.fetch().stream().map(row -> change(row.value1(), row.value2())).toList();
    }

    private static AttributionInputChange change(String customer, LocalDateTime at) {
        return new AttributionInputChange(Optional.ofNullable(customer).filter(c -> !c.isEmpty()).map(CustomerKey::of),
                at.toInstant(ZoneOffset.UTC));
    }

    /** After explicit ids, the identity continues above the largest, so rows added later never collide. */
    static void restartIdentity(CsvKind kind, Warehouse warehouse) {
        String table = kind == CsvKind.TOUCHPOINTS ? "touchpoint" : "conversion";
        String column = table + "_id";
        DSLContext dsl = warehouse.dsl();
        Long largest = kind == CsvKind.TOUCHPOINTS
                ? dsl.select(max(TOUCHPOINT.TOUCHPOINT_ID)).from(TOUCHPOINT).fetchOne(0, Long.class)
                : dsl.select(max(CONVERSION.CONVERSION_ID)).from(CONVERSION).fetchOne(0, Long.class);
        if (largest == null) {
            return;
        }
        String qualified = warehouse.schema() + "." + table;
        if (warehouse.dialect() == WarehouseDialect.POSTGRES) {
            dsl.execute("SELECT setval(pg_get_serial_sequence('" + qualified + "', '" + column + "'), " + largest + ")");
        } else {
            dsl.execute("ALTER TABLE " + qualified + " ALTER COLUMN " + column + " RESTART WITH " + (largest + 1));
        }
    }
}
