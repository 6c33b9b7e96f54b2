package org.unifiedanalytics.connect.stream;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * One page a stream read: its records, and the token of the next page of the same window or cursor
 * query, if any. The runtime writes the records and the checkpoint "next page is {@code nextPageToken}"
 * in one transaction, so a crash after this page resumes exactly at the next one.
 *
 * @param nextPageToken an opaque token the stream understands, or empty when this was the last page
 */
public record Page(List<? extends WarehouseRecord> records, Optional<String> nextPageToken) {

    public Page {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    /** The last page of a window or query. */
    public static Page last(List<? extends WarehouseRecord> records) {
        return new Page(records, Optional.empty());
    }

    /** A page followed by another, read with {@code nextPageToken}. */
    public static Page more(List<? extends WarehouseRecord> records, String nextPageToken) {
        return new Page(records, Optional.of(nextPageToken));
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
