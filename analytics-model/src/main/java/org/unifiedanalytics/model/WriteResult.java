package org.unifiedanalytics.model;

import java.util.Map;

/**
 * What a write stored.
 *
 * @param recordsWritten the number of records written (inserted or updated); a record repeated in one
 *                       batch counts once, its last occurrence winning
 * @param rowsByTable    the same, per table
 */
public record WriteResult(int recordsWritten, Map<String, Integer> rowsByTable) {

    public static final WriteResult EMPTY = new WriteResult(0, Map.of());

    public WriteResult {
        rowsByTable = Map.copyOf(rowsByTable);
    }
}
