package org.unifiedanalytics.model.internal;

import java.util.function.Function;

import org.jooq.TableField;

/**
 * One column a record kind is written to: the record component it comes from (named for messages),
 * the generated table field, and how the value is read from the record in the field's own Java type.
 */
public record Column<R, T>(String property, TableField<?, T> field, Function<R, ? extends T> value) {

    public static <R, T> Column<R, T> of(String property, TableField<?, T> field, Function<R, ? extends T> value) {
        return new Column<>(property, field, value);
    }
}
