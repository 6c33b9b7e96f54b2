package org.unifiedanalytics.model;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;

import org.jooq.DSLContext;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * One database transaction on the warehouse, handed to the work of {@link Warehouse#inTransaction}.
 * Everything done through it commits together or not at all.
 */
public interface WarehouseTransaction {

    /** Validates and upserts records, as {@link Warehouse#write(Collection)} does, inside this transaction. */
    WriteResult write(Collection<? extends WarehouseRecord> records);

    /**
     * Deletes one account's rows of a daily-metric kind ({@code ContentMetrics}, {@code AccountMetrics},
     * {@code WebTraffic}, {@code EmailCampaignMetrics}) for the reporting dates {@code [from, toExclusive)},
     * so that a re-read window replaces those days whole. Returns the number of rows deleted.
     */
    int deleteDays(Class<? extends WarehouseRecord> dailyKind, String platform, String accountId, LocalDate from,
                   LocalDate toExclusive);

    /**
     * Marks the attribution credits of these customers' conversions, from the given instants on, as out of date: for
     * touchpoints or conversions written with this transaction's own SQL. {@link #write} marks what it writes itself.
     * The next attribution query or refresh recomputes them. Call it before that SQL reads or writes those rows: from
     * then until this transaction ends, attribution computes and refreshes nothing, so that it never applies another
     * writer's markers while this one may still replace that writer's rows.
     */
    void markAttributionInputsChanged(Collection<AttributionInputChange> changes);

    /** A jOOQ context bound to this transaction's connection, mapped to the warehouse's schema. */
    DSLContext dsl();

    /** The transaction's JDBC connection; do not commit, roll back or close it. */
    Connection connection();
}
