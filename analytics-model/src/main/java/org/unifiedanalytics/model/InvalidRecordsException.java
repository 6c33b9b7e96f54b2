package org.unifiedanalytics.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch was refused because some of its records are invalid; nothing of the batch was written. Or a record's
 * builder refused to build it. It lists every problem found, not only the first.
 */
public final class InvalidRecordsException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    private final transient List<RecordViolation> violations;

    public InvalidRecordsException(List<RecordViolation> violations) {
        this(message(violations), violations);
    }

    private InvalidRecordsException(String message, List<RecordViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /**
     * The problems of one record a builder was asked to build, e.g. {@code Touchpoint[popup_store/v01] cannot be
     * built: field 'channelGroup': is required}.
     */
    public static InvalidRecordsException ofOneRecord(List<RecordViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        return new InvalidRecordsException(violations.get(0).record() + " cannot be built: " + violations.stream()
                .map(v -> "field '" + v.field() + "': " + v.problem()).collect(Collectors.joining("; ")), violations);
    }

    /** Every problem found, in the order of the batch. */
    public List<RecordViolation> violations() {
        return violations;
    }

    private static String message(List<RecordViolation> violations) {
        return violations.size() + " invalid record field(s), nothing of the batch was written:\n"
                + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    }

    /**
     * One problem of one record.
     *
     * @param index    the record's position in the batch, from 0
     * @param record   the record's kind and natural key, e.g. {@code SalesOrder[shopify/1001]}
     * @param field    the record component at fault, e.g. {@code currency}
     * @param problem  what is wrong with it
     */
    public record RecordViolation(int index, String record, String field, String problem) {
        @Override
        public String toString() {
            return "record #" + index + " " + record + ", field '" + field + "': " + problem;
        }
    }
}
