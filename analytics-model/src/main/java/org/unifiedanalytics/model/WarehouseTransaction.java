package org.unifiedanalytics.model;

import java.sql.Connection;
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

    /** A jOOQ context bound to this transaction's connection, mapped to the warehouse's schema. */
    DSLContext dsl();

    /** The transaction's JDBC connection; do not commit, roll back or close it. */
    Connection connection();
}
