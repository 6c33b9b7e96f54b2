package org.unifiedanalytics.query.importer;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.max;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.unifiedanalytics.model.AttributionInputChange;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.WarehouseTransaction;
import org.unifiedanalytics.model.values.CustomerKey;

/**
 * Touchpoints and conversions of a CSV file, which keep the file's ids (ties are broken by them): upserted on the id
 * with the importer's own SQL, so they leave attribution's change markers themselves, and the identity continues above
 * the largest id afterwards. A row is {@code [id, customer key or null, occurred at (UTC), ...columns]}.
 */
final class IdKeyedRows {

    private IdKeyedRows() {
    }

    /** Marks the customers of the rows and of the rows they replace, then upserts the rows, in the transaction. */
    static void upsert(CsvKind kind, WarehouseTransaction tx, List<Object[]> rows) {
        DSLContext dsl = tx.dsl();
        tx.markAttributionInputsChanged(changes(kind, dsl, rows));
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

    /** A change for each row and each row it replaces; the warehouse keeps the earliest per customer. */
    private static List<AttributionInputChange> changes(CsvKind kind, DSLContext dsl, List<Object[]> rows) {
        List<AttributionInputChange> changes = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((Long) row[0]);
            changes.add(change((String) row[1], (LocalDateTime) row[2]));
        }
        var replaced = kind == CsvKind.TOUCHPOINTS
                ? dsl.select(TOUCHPOINT.CUSTOMER_KEY, TOUCHPOINT.OCCURRED_AT).from(TOUCHPOINT).where(TOUCHPOINT.TOUCHPOINT_ID.in(ids))
                : dsl.select(CONVERSION.CUSTOMER_KEY, CONVERSION.OCCURRED_AT).from(CONVERSION).where(CONVERSION.CONVERSION_ID.in(ids));
        for (var row : replaced.fetch()) {
            changes.add(change(row.value1(), row.value2()));
        }
        return changes;
    }

    private static AttributionInputChange change(String customer, LocalDateTime at) {
        return new AttributionInputChange(Optional.ofNullable(customer).map(CustomerKey::of), at.toInstant(ZoneOffset.UTC));
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
