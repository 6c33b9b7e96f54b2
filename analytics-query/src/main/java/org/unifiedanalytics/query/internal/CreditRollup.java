package org.unifiedanalytics.query.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CREDIT;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_ROLLUP;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_ROLLUP_MONTH;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_WORK_CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_WORK_DELTA;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Record7;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.Select;
import org.jooq.SelectHavingStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.Period;

/**
 * The credits of each unit summed by UTC conversion day, currency and group, and again by month: a query sums the
 * monthly rows of the whole months of its period, the daily rows of the whole days around them, and the credits of
 * the conversions in the partial days at either end.
 */
final class CreditRollup {
    private static final Period ALL = Period.all();

    private final WarehouseDialect dialect;

    CreditRollup(WarehouseDialect dialect) {
        this.dialect = dialect;
    }

    /** The unit's totals per currency and group for the conversions in {@code period}, as the live query gives them. */
    List<AttributedRevenue> totals(DSLContext dsl, long unitId, Period period) {
        var m = ATTRIBUTION_ROLLUP_MONTH;
        var c = ATTRIBUTION_CREDIT;
        Select<Record4<String, String, Long, Long>> parts;
        if (period.equals(ALL)) {
            parts = select(m.CURRENCY, m.GROUP_KEY, m.CREDIT_UNITS, m.REVENUE_UNITS).from(m).where(m.UNIT_ID.eq(unitId));
        } else {
            // the partial hours at either end from the credits, the whole days beyond them from the daily rollup, the
            // whole months between from the monthly one
            LocalDate firstWholeDay = day(period.from().plus(1, ChronoUnit.DAYS).minusNanos(1));
            LocalDate afterWholeDays = day(period.to());
            if (firstWholeDay.isBefore(afterWholeDays)) {
                Instant wholeFrom = firstWholeDay.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant wholeTo = afterWholeDays.atStartOfDay(ZoneOffset.UTC).toInstant();
                LocalDate firstWholeMonth = firstWholeDay.getDayOfMonth() == 1 ? firstWholeDay
                        : firstWholeDay.withDayOfMonth(1).plusMonths(1);
                LocalDate afterWholeMonths = afterWholeDays.withDayOfMonth(1);
                Select<Record4<String, String, Long, Long>> days;
                if (firstWholeMonth.isBefore(afterWholeMonths)) {
                    days = select(m.CURRENCY, m.GROUP_KEY, m.CREDIT_UNITS, m.REVENUE_UNITS).from(m)
                            .where(m.UNIT_ID.eq(unitId), m.CONVERSION_MONTH.ge(firstWholeMonth), m.CONVERSION_MONTH.lt(afterWholeMonths))
                            .unionAll(daily(unitId, firstWholeDay, firstWholeMonth))
                            .unionAll(daily(unitId, afterWholeMonths, afterWholeDays));
                } else {
                    days = daily(unitId, firstWholeDay, afterWholeDays);
                }
                parts = days
                        .unionAll(select(c.CURRENCY, c.GROUP_KEY, c.CREDIT_UNITS, c.REVENUE_UNITS).from(c)
                                .where(c.UNIT_ID.eq(unitId), convertedIn(period.from(), wholeFrom)))
                        .unionAll(select(c.CURRENCY, c.GROUP_KEY, c.CREDIT_UNITS, c.REVENUE_UNITS).from(c)
                                .where(c.UNIT_ID.eq(unitId), convertedIn(wholeTo, period.to())));
            } else {
                parts = select(c.CURRENCY, c.GROUP_KEY, c.CREDIT_UNITS, c.REVENUE_UNITS).from(c)
                        .where(c.UNIT_ID.eq(unitId), convertedIn(period.from(), period.to()));
            }
        }
        var p = parts.asTable("p");
        Field<String> currency = p.field(0, String.class);
        Field<String> group = p.field(1, String.class);
        var rows = dsl.select(currency, group, sum(p.field(2, Long.class)), sum(p.field(3, Long.class)))
                .from(p).groupBy(currency, group).fetch();
        List<AttributedRevenue> result = new ArrayList<>(rows.size());
        for (var row : rows) {
            result.add(AttributionSql.row(row.value1(), row.value2(), row.value3(), row.value4()));
        }
        result.sort(Comparator.comparing(AttributedRevenue::currency).thenComparing(AttributedRevenue::groupKey));
        return result;
    }

    private static Select<Record4<String, String, Long, Long>> daily(long unitId, LocalDate from, LocalDate toExclusive) {
        var r = ATTRIBUTION_ROLLUP;
        return select(r.CURRENCY, r.GROUP_KEY, r.CREDIT_UNITS, r.REVENUE_UNITS).from(r)
                .where(r.UNIT_ID.eq(unitId), r.CONVERSION_DAY.ge(from), r.CONVERSION_DAY.lt(toExclusive));
    }

    /** Sums a freshly computed unit's credits into its rollups, in the caller's transaction. */
    void build(DSLContext tx, long unitId) {
        var r = ATTRIBUTION_ROLLUP;
        tx.insertInto(r, r.UNIT_ID, r.CONVERSION_DAY, r.CURRENCY, r.GROUP_KEY, r.CREDIT_UNITS, r.REVENUE_UNITS, r.CREDIT_ROWS)
                .select(byDay(ATTRIBUTION_CREDIT, ATTRIBUTION_CREDIT.UNIT_ID.eq(unitId), 1))
                .execute();
        var m = ATTRIBUTION_ROLLUP_MONTH;
        Field<LocalDate> month = month(r.CONVERSION_DAY);
        tx.insertInto(m, m.UNIT_ID, m.CONVERSION_MONTH, m.CURRENCY, m.GROUP_KEY, m.CREDIT_UNITS, m.REVENUE_UNITS, m.CREDIT_ROWS)
                .select(select(r.UNIT_ID, month, r.CURRENCY, r.GROUP_KEY, sum(r.CREDIT_UNITS).cast(SQLDataType.BIGINT),
                        sum(r.REVENUE_UNITS).cast(SQLDataType.BIGINT), sum(r.CREDIT_ROWS).cast(SQLDataType.BIGINT))
                        .from(r).where(r.UNIT_ID.eq(unitId)).groupBy(r.UNIT_ID, month, r.CURRENCY, r.GROUP_KEY))
                .execute();
    }

    /** The first day of the date's month (the same SQL on H2 and PostgreSQL; jOOQ's trunc goes through text on H2). */
    private static Field<LocalDate> month(Field<LocalDate> day) {
        return DSL.field("cast(date_trunc('month', {0}) as date)", SQLDataType.LOCALDATE, day);
    }

    /** Records, with the sign given, the sums of the credits of the conversions being recomputed, as a delta. */
    void recordDelta(DSLContext tx, int sign) {
        var d = ATTRIBUTION_WORK_DELTA;
        var w = ATTRIBUTION_WORK_CONVERSION;
        // driven by the conversions being recomputed, each looked up by the credits' key
        tx.insertInto(d, d.UNIT_ID, d.CONVERSION_DAY, d.CURRENCY, d.GROUP_KEY, d.CREDIT_UNITS, d.REVENUE_UNITS, d.CREDIT_ROWS)
                .select(byDay(w.join(ATTRIBUTION_CREDIT).on(ATTRIBUTION_CREDIT.CONVERSION_ID.eq(w.CONVERSION_ID)),
                        DSL.noCondition(), sign))
                .execute();
    }

    /** Adds the recorded deltas to both rollups and drops the rows no credit contributes to any more. */
    void applyDeltas(DSLContext tx) {
        var d = ATTRIBUTION_WORK_DELTA;
        var r = ATTRIBUTION_ROLLUP;
        var m = ATTRIBUTION_ROLLUP_MONTH;
        merge(tx, r, r.UNIT_ID, r.CONVERSION_DAY, r.CURRENCY, r.GROUP_KEY, r.CREDIT_UNITS, r.REVENUE_UNITS, r.CREDIT_ROWS,
                d.CONVERSION_DAY);
        merge(tx, m, m.UNIT_ID, m.CONVERSION_MONTH, m.CURRENCY, m.GROUP_KEY, m.CREDIT_UNITS, m.REVENUE_UNITS, m.CREDIT_ROWS,
                month(d.CONVERSION_DAY));
        // Rows that lost their last credit: looked up by unit and date range, the rollups' key.
        var bounds = tx.select(d.UNIT_ID, DSL.min(d.CONVERSION_DAY), DSL.max(d.CONVERSION_DAY)).from(d).groupBy(d.UNIT_ID).fetch();
        for (var bound : bounds) {
            tx.deleteFrom(r).where(r.UNIT_ID.eq(bound.value1()), r.CONVERSION_DAY.between(bound.value2(), bound.value3()),
                    r.CREDIT_ROWS.eq(0L)).execute();
            tx.deleteFrom(m).where(m.UNIT_ID.eq(bound.value1()),
                    m.CONVERSION_MONTH.between(bound.value2().withDayOfMonth(1), bound.value3()), m.CREDIT_ROWS.eq(0L)).execute();
        }
        tx.deleteFrom(d).execute();
    }

    /** The deltas summed by the rollup's date (a day or a month) added into its rows. */
    private void merge(DSLContext tx, Table<?> rollup, Field<Long> unitId, Field<LocalDate> date, Field<String> currency,
                       Field<String> groupKey, Field<Long> creditUnits, Field<Long> revenueUnits, Field<Long> creditRows,
                       Field<LocalDate> deltaDate) {
        var d = ATTRIBUTION_WORK_DELTA;
        var s = select(d.UNIT_ID, deltaDate, d.CURRENCY, d.GROUP_KEY, sum(d.CREDIT_UNITS), sum(d.REVENUE_UNITS),
                sum(d.CREDIT_ROWS))
                .from(d).groupBy(d.UNIT_ID, deltaDate, d.CURRENCY, d.GROUP_KEY)
                .asTable("s", "unit_id", "rollup_date", "currency", "group_key", "cu", "ru", "n");
        Field<Long> su = s.field("unit_id", Long.class);
        Field<LocalDate> sd = s.field("rollup_date", LocalDate.class);
        Field<String> sc = s.field("currency", String.class);
        Field<String> sg = s.field("group_key", String.class);
        Field<Long> cu = s.field("cu", BigDecimal.class).cast(SQLDataType.BIGINT);
        Field<Long> ru = s.field("ru", BigDecimal.class).cast(SQLDataType.BIGINT);
        Field<Long> n = s.field("n", BigDecimal.class).cast(SQLDataType.BIGINT);
        if (dialect == WarehouseDialect.POSTGRES) {
            // ON CONFLICT rather than MERGE: PostgreSQL has MERGE only from version 15
            tx.insertInto(rollup, unitId, date, currency, groupKey, creditUnits, revenueUnits, creditRows)
                    .select(select(su, sd, sc, sg, cu, ru, n).from(s))
                    .onConflict(unitId, date, currency, groupKey).doUpdate()
                    .set(creditUnits, creditUnits.plus(excluded(creditUnits)))
                    .set(revenueUnits, revenueUnits.plus(excluded(revenueUnits)))
                    .set(creditRows, creditRows.plus(excluded(creditRows)))
                    .execute();
        } else {
            tx.mergeInto(rollup).using(s)
                    .on(unitId.eq(su), date.eq(sd), currency.eq(sc), groupKey.eq(sg))
                    .whenMatchedThenUpdate()
                    .set(creditUnits, creditUnits.plus(cu))
                    .set(revenueUnits, revenueUnits.plus(ru))
                    .set(creditRows, creditRows.plus(n))
                    .whenNotMatchedThenInsert(unitId, date, currency, groupKey, creditUnits, revenueUnits, creditRows)
                    .values(su, sd, sc, sg, cu, ru, n)
                    .execute();
        }
    }

    /** The credits of {@code from} (the credit table, or a join to it) summed by unit and day, times {@code sign}. */
    private static SelectHavingStep<Record7<Long, LocalDate, String, String, Long, Long, Long>> byDay(TableLike<?> from,
                                                                                                     Condition which, int sign) {
        var c = ATTRIBUTION_CREDIT;
        Field<LocalDate> day = c.CONVERTED_AT.cast(SQLDataType.LOCALDATE);
        return select(c.UNIT_ID, day, c.CURRENCY, c.GROUP_KEY,
                sum(c.CREDIT_UNITS).mul(inline(sign)).cast(SQLDataType.BIGINT),
                sum(c.REVENUE_UNITS).mul(inline(sign)).cast(SQLDataType.BIGINT),
                count().mul(inline(sign)).cast(SQLDataType.BIGINT))
                .from(from).where(which).groupBy(c.UNIT_ID, day, c.CURRENCY, c.GROUP_KEY);
    }

    private static Condition convertedIn(Instant from, Instant to) {
        return ATTRIBUTION_CREDIT.CONVERTED_AT.ge(LocalDateTime.ofInstant(from, ZoneOffset.UTC))
                .and(ATTRIBUTION_CREDIT.CONVERTED_AT.lt(LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
