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
 * <p>A page may carry notes: what a user should know of the data although the page was read in full, such as
 * fields the source withheld ({@code page.withNote("Shopify withheld email: ...")}). The stream's report lists
 * each distinct note once.
 *
 * @param nextPageToken an opaque token the stream understands, or empty when this was the last page
 * @param notes         sentences for the stream's report; none for most pages
 */
public record Page(List<? extends WarehouseRecord> records, Optional<String> nextPageToken, List<String> notes) {

    public Page {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(nextPageToken, "nextPageToken");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /** A page without notes. */
    public Page(List<? extends WarehouseRecord> records, Optional<String> nextPageToken) {
        this(records, nextPageToken, List.of());
    }

    /** The last page of a window or query. */
    public static Page last(List<? extends WarehouseRecord> records) {
        return new Page(records, Optional.empty());
    }

    /** A page followed by another, read with {@code nextPageToken}. */
    public static Page more(List<? extends WarehouseRecord> records, String nextPageToken) {
        return new Page(records, Optional.of(nextPageToken));
    }

    /** This page, with one more note for the stream's report. */
    public Page withNote(String note) {
        if (Objects.requireNonNull(note, "note").isBlank()) {
            throw new IllegalArgumentException("a page's note must say something");
        }
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Page(records, nextPageToken, more);
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
