package org.unifiedanalytics.model.internal;

import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Row1;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.AttributionInputChange;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * Appends the change markers of a write of touchpoints or conversions, in the writer's transaction: for each
 * customer, the earliest instant among the records written and the rows they replace (a touch moved to another
 * customer or day changes the credits of both). Attribution's maintained credits recompute exactly those
 * customers' conversions from those instants on.
 */
public final class AttributionChangeLog {
    /** The marker's customer key for conversions without a customer; no customer key is blank. */
    public static final String WITHOUT_CUSTOMER = "";
    private static final int LOOKUP_CHUNK = 1_000;

    private final DSLContext dsl;

    public AttributionChangeLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Marks the customers of the batch's touchpoints and conversions, new values and replaced ones; before the upsert. */
    void recordWrite(Connection connection, Class<?> kind, Collection<WarehouseRecord> batch) {
        Map<String, Instant> earliest = new HashMap<>();
        Map<String, List<String>> idsByPlatform = new HashMap<>();
        if (kind == Touchpoint.class) {
            for (WarehouseRecord record : batch) {
                Touchpoint touch = (Touchpoint) record;
                earliest.merge(touch.customerKey().value(), touch.occurredAt(), AttributionChangeLog::min);
                idsByPlatform.computeIfAbsent(touch.sourcePlatform(), p -> new ArrayList<>()).add(touch.externalId());
            }
            replaced(connection, TOUCHPOINT, TOUCHPOINT.SOURCE_PLATFORM, TOUCHPOINT.EXTERNAL_ID, TOUCHPOINT.CUSTOMER_KEY,
                    TOUCHPOINT.OCCURRED_AT, idsByPlatform, earliest);
        } else if (kind == Conversion.class) {
            for (WarehouseRecord record : batch) {
                Conversion conversion = (Conversion) record;
                String customer = conversion.customerKey() == null ? WITHOUT_CUSTOMER : conversion.customerKey().value();
                earliest.merge(customer, conversion.occurredAt(), AttributionChangeLog::min);
                idsByPlatform.computeIfAbsent(conversion.sourcePlatform(), p -> new ArrayList<>()).add(conversion.externalId());
            }
            replaced(connection, CONVERSION, CONVERSION.SOURCE_PLATFORM, CONVERSION.EXTERNAL_ID, CONVERSION.CUSTOMER_KEY,
                    CONVERSION.OCCURRED_AT, idsByPlatform, earliest);
        } else {
            return;
        }
        append(connection, earliest);
    }

    /** Appends markers a host states itself, for writes the warehouse did not make. */
    public void mark(Connection connection, Collection<AttributionInputChange> changes) {
        Map<String, Instant> earliest = new HashMap<>();
        for (AttributionInputChange change : changes) {
            earliest.merge(change.customer().map(c -> c.value()).orElse(WITHOUT_CUSTOMER), change.from(),
                    AttributionChangeLog::min);
        }
        append(connection, earliest);
    }

    private void replaced(Connection connection, Table<?> table, Field<String> platform, Field<String> externalId,
                          TableField<?, String> customer, TableField<?, LocalDateTime> occurredAt,
                          Map<String, List<String>> idsByPlatform, Map<String, Instant> earliest) {
        DSLContext tx = dsl.configuration().derive(connection).dsl();
        for (Map.Entry<String, List<String>> platformIds : idsByPlatform.entrySet()) {
            List<String> ids = platformIds.getValue();
            for (int start = 0; start < ids.size(); start += LOOKUP_CHUNK) {
                List<String> chunk = ids.subList(start, Math.min(ids.size(), start + LOOKUP_CHUNK));
                // joined from a list of values, so that each id is looked up in the (platform, id) key: H2 answers
                // "platform = ? AND id IN (...)" by scanning the platform's rows, and PostgreSQL without statistics
                // checks each of those rows against the whole list (TableStatistics keeps them current)
                @SuppressWarnings("unchecked")
                Row1<String>[] rows = chunk.stream().map(DSL::row).toArray(Row1[]::new);
                Table<Record1<String>> wanted = DSL.values(rows).as("wanted", "external_id");
                Field<String> wantedId = wanted.field("external_id", String.class);
                for (var row : tx.select(customer, occurredAt).from(wanted).join(table)
                        .on(platform.eq(platformIds.getKey()), externalId.eq(wantedId)).fetch()) {
                    earliest.merge(row.value1() == null ? WITHOUT_CUSTOMER : row.value1(),
                            row.value2().toInstant(ZoneOffset.UTC), AttributionChangeLog::min);
                }
            }
        }
    }

    private void append(Connection connection, Map<String, Instant> earliest) {
        if (earliest.isEmpty()) {
            return;
        }
        DSLContext tx = dsl.configuration().derive(connection).dsl();
        // sorted, so that the markers of one write land in a stable order
        List<Object[]> markers = new ArrayList<>(earliest.size());
        new TreeMap<>(earliest).forEach((customer, from) ->
                markers.add(new Object[]{customer, LocalDateTime.ofInstant(from, ZoneOffset.UTC)}));
        try {
            if (CopyStaging.suits(connection, markers.size()) && CopyStaging.append(connection, tx, ATTRIBUTION_CHANGE,
                    List.of(ATTRIBUTION_CHANGE.CUSTOMER_KEY, ATTRIBUTION_CHANGE.CHANGED_FROM), markers, (m, i) -> m[i])) {
                return;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Appending " + markers.size() + " attribution change markers failed: "
                    + e.getMessage(), e);
        }
        BatchBindStep batch = tx.batch(tx.insertInto(ATTRIBUTION_CHANGE, ATTRIBUTION_CHANGE.CUSTOMER_KEY,
                ATTRIBUTION_CHANGE.CHANGED_FROM).values((String) null, null));
        for (Object[] marker : markers) {
            batch = batch.bind(marker);
        }
        batch.execute();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
