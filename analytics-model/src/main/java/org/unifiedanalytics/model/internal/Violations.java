package org.unifiedanalytics.model.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.unifiedanalytics.model.InvalidRecordsException.RecordViolation;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.Money;

/** Collects the problems of the records of one batch, so that all of them are reported at once. */
public final class Violations {
    private final List<RecordViolation> found = new ArrayList<>();
    private int index;
    private String record;

    void startRecord(int index, WarehouseRecord record) {
        this.index = index;
        this.record = record.describe();
    }

    public void add(String field, String problem) {
        found.add(new RecordViolation(index, record, field, problem));
    }

    public void nonNegative(String field, Long value) {
        if (value != null && value < 0) {
            add(field, "must not be negative, got " + value);
        }
    }

    public void nonNegative(String field, Money value) {
        if (value != null && value.isNegative()) {
            add(field, "must not be negative, got " + value);
        }
    }

    public void nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative, got " + value.toPlainString());
        }
    }

    public void fraction(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            add(field, "is a share between 0 and 1, got " + value.toPlainString());
        }
    }

    public void notBefore(String field, Instant value, String startField, Instant start) {
        if (value != null && start != null && value.isBefore(start)) {
            add(field, "is before " + startField + " (" + value + " < " + start + ")");
        }
    }

    public void oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, "must be one of " + allowed + ", got '" + value + "'");
        }
    }

    /** Every non-null amount of one record is in the currency of the first non-null one. */
    public void sameCurrency(String[] fields, Money... amounts) {
        Money first = null;
        String firstField = null;
        for (int i = 0; i < amounts.length; i++) {
            Money amount = amounts[i];
            if (amount == null) {
                continue;
            }
            if (first == null) {
                first = amount;
                firstField = fields[i];
            } else if (!first.currency().equals(amount.currency())) {
                add(fields[i], "is in " + amount.currencyCode() + " but " + firstField + " is in "
                        + first.currencyCode() + ": one record's amounts share one currency");
            }
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<RecordViolation> list() {
        return List.copyOf(found);
    }
}
