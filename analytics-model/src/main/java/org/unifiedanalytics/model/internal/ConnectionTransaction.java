package org.unifiedanalytics.model.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;

import org.jooq.DSLContext;
import org.unifiedanalytics.model.AttributionInputChange;
import org.unifiedanalytics.model.WarehouseTransaction;
import org.unifiedanalytics.model.WriteResult;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;

/** A warehouse transaction on one connection, whose commit and rollback the warehouse itself makes. */
public final class ConnectionTransaction implements WarehouseTransaction {
    private final Connection connection;
    private final DSLContext dsl;
    private final RecordWriter writer;
    private final AttributionChangeLog changeLog;
    private final AttributionInputGate inputGate;

    public ConnectionTransaction(Connection connection, DSLContext dsl, RecordWriter writer, AttributionChangeLog changeLog,
                                 AttributionInputGate inputGate) {
        this.connection = connection;
        this.dsl = dsl;
        this.writer = writer;
        this.changeLog = changeLog;
        this.inputGate = inputGate;
    }

    @Override
    public WriteResult write(Collection<? extends WarehouseRecord> records) {
        // through the gate before any row of the batch is written, so that a writer waiting there holds no row lock
        if (records.stream().anyMatch(r -> r instanceof Touchpoint || r instanceof Conversion)) {
            inputGate.enterAsWriter(connection);
        }
        return writer.write(connection, records);
    }

    @Override
    public int deleteDays(Class<? extends WarehouseRecord> dailyKind, String platform, String accountId, LocalDate from,
                          LocalDate toExclusive) {
        return DailyPartitions.delete(dsl, dailyKind, platform, accountId, from, toExclusive);
    }

    @Override
    public void markAttributionInputsChanged(Collection<AttributionInputChange> changes) {
        inputGate.enterAsWriter(connection);
        changeLog.mark(connection, changes);
    }

    @Override
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public Connection connection() {
        return connection;
    }
}
