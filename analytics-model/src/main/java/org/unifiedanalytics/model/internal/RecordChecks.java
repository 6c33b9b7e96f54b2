package org.unifiedanalytics.model.internal;

import org.unifiedanalytics.model.InvalidRecordsException;
import org.unifiedanalytics.model.records.WarehouseRecord;

/** The warehouse's checks of one record, for the records' builders: a record that cannot be stored is not built. */
public final class RecordChecks {

    private RecordChecks() {
    }

    /** The record, when the warehouse would store it; else every problem it has, at once. */
    @SuppressWarnings("unchecked")
    public static <R extends WarehouseRecord> R requireValid(R record) {
        Violations violations = new Violations();
        violations.startRecord(0, record);
        Mappings.forType((Class<R>) record.getClass()).validate(record, violations);
        if (!violations.isEmpty()) {
            throw InvalidRecordsException.ofOneRecord(violations.list());
        }
        return record;
    }
}
