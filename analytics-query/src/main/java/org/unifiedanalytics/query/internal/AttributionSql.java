package org.unifiedanalytics.query.internal;

import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CREDIT;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_WORK_CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.unifiedanalytics.model.internal.UtcTimestampBinding;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.schema.tables.Conversion;
import org.unifiedanalytics.model.schema.tables.Touchpoint;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/**
 * One attribution query, set-based in the database, as the attribution specification describes: the
 * path of each conversion (its customer's touches in {@code [T - L, T)}, ordered by time then id, capped
 * to the most recent N), each touch's credit as an exact fraction {@code N/D} (a double weight for time
 * decay), credits summed per group, and both the conversion (in millionths) and its revenue (in 0.0001
 * units) split over its groups by the largest-remainder method, ties to the smaller group key in code-point
 * order: each conversion's credits add up to exactly 1 at scale 6, its revenue shares to exactly its revenue.
 */
public final class AttributionSql {
    static final String DIRECT_GROUP = "(direct)";
    static final String NONE = "(none)";
    /** One conversion in credit units: credits are exact to the millionth ({@code Scales.CONVERSIONS}). */
    private static final long CREDIT_UNITS = 1_000_000L;

    private final DSLContext dsl;
    private final WarehouseDialect dialect;

    public AttributionSql(DSLContext dsl, WarehouseDialect dialect) {
        this.dsl = dsl;
        this.dialect = dialect;
    }

    /** The totals per currency and group of the conversions in {@code period}, computed live. */
    public List<AttributedRevenue> run(AttributionModel model, GroupBy groupBy, Period period, AttributionSettings settings) {
        Conversion c = CONVERSION.as("c");
        List<CommonTableExpression<?>> ctes = allocation(model, groupBy, settings, c, period.equals(Period.all())
                ? DSL.noCondition() : c.OCCURRED_AT.ge(utc(period.from())).and(c.OCCURRED_AT.lt(utc(period.to()))));
        return totals(dsl, ctes);
    }

    /** Stores the credits of every conversion for a unit computed for the first time; see {@link #store}. */
    public int storeAll(DSLContext tx, long unitId, AttributionModel model, GroupBy groupBy, AttributionSettings settings) {
        return store(tx, unitId, allocation(model, groupBy, settings, CONVERSION.as("c"), DSL.noCondition()));
    }

    /** Stores the credits of the conversions in {@code attribution_work_conversion}, the ones a refresh recomputes. */
    public int storeRecomputed(DSLContext tx, long unitId, AttributionModel model, GroupBy groupBy,
                               AttributionSettings settings) {
        // the few conversions, driven from the work set and looked up by key, under the alias the query expects
        Table<?> recomputed = select(CONVERSION.fields()).from(ATTRIBUTION_WORK_CONVERSION).join(CONVERSION)
                .on(CONVERSION.CONVERSION_ID.eq(ATTRIBUTION_WORK_CONVERSION.CONVERSION_ID)).asTable("c");
        return store(tx, unitId, allocation(model, groupBy, settings, recomputed, DSL.noCondition()));
    }

    /**
     * Stores the selected conversions' credits per group of one maintained unit into {@code attribution_credit}, in
     * the caller's transaction; returns the rows written.
     */
    private static int store(DSLContext tx, long unitId, List<CommonTableExpression<?>> ctes) {
        var credit = ATTRIBUTION_CREDIT;
        return tx.insertInto(credit, credit.UNIT_ID, credit.CONVERSION_ID, credit.GROUP_KEY, credit.CONVERTED_AT,
                        credit.CURRENCY, credit.CREDIT_UNITS, credit.REVENUE_UNITS)
                .select(tx.with(ctes.toArray(CommonTableExpression[]::new))
                        .select(inline(unitId), col("allocated", "cid", Long.class), col("allocated", "gk", String.class),
                                col("allocated", "cts", UtcTimestampBinding.TYPE), col("allocated", "cur", String.class),
                                col("allocated", "cunits", Long.class), col("allocated", "units", Long.class))
                        .from(name("allocated")))
                .execute();
    }

    /**
     * The common table expressions whose last, {@code allocated}, holds one row per selected conversion and group:
     * {@code cid, cts, cur, gk, units, cunits}.
     */
    private List<CommonTableExpression<?>> allocation(AttributionModel model, GroupBy groupBy, AttributionSettings settings,
                                                      Table<?> conversions, Condition where) {
        // the conversion table, or a selection of its rows, under the alias "c"
        Conversion c = CONVERSION.as("c");
        Touchpoint t = TOUCHPOINT.as("t");
        long lookbackSeconds = settings.lookback().getSeconds();

        Condition onPath = t.CUSTOMER_KEY.eq(c.CUSTOMER_KEY)
                .and(t.OCCURRED_AT.ge(DSL.localDateTimeSub(c.OCCURRED_AT, inline(lookbackSeconds), DatePart.SECOND)))
                .and(t.OCCURRED_AT.lt(c.OCCURRED_AT));
        if (!settings.touchTypes().isEmpty()) {
            onPath = onPath.and(t.TOUCH_TYPE.in(settings.touchTypes()));
        }
        Field<String> key = switch (groupBy) {
            case CHANNEL -> t.CHANNEL;
            case CHANNEL_CAMPAIGN -> t.CHANNEL.concat(inline(" / ")).concat(coalesce(nullif(t.CAMPAIGN, inline("")), inline(NONE)));
            case CONTENT -> coalesce(nullif(t.CONTENT_ID, inline("")), inline(NONE));
        };

        // path: one row per (conversion, eligible touch); a conversion without touches keeps one row with NULLs.
        // Each touch carries its recency rank, the path length n and its position from the first.
        Field<Integer> recency = rowNumber().over().partitionBy(c.CONVERSION_ID).orderBy(t.OCCURRED_AT.desc(), t.TOUCHPOINT_ID.desc());
        Field<Integer> length = count(t.TOUCHPOINT_ID).over().partitionBy(c.CONVERSION_ID);
        CommonTableExpression<?> path = name("path").as(select(
                c.CONVERSION_ID.as("cid"),
                c.OCCURRED_AT.as("cts"),
                c.CURRENCY.as("cur"),
                c.REVENUE.mul(inline(10_000)).cast(SQLDataType.BIGINT).as("u"),
                t.TOUCHPOINT_ID.as("tid"),
                t.OCCURRED_AT.as("ts"),
                t.CHANNEL.as("ch"),
                when(t.TOUCHPOINT_ID.isNull(), inline(DIRECT_GROUP)).otherwise(key).as("gk"),
                secondsBetween(t.OCCURRED_AT, c.OCCURRED_AT).as("age"),
                recency.as("rn"),
                length.as("n"),
                length.minus(recency).plus(inline(1)).as("pos"))
                .from(conversions).leftJoin(t).on(onPath)
                .where(where));
        int cap = settings.maxTouches();
        if (cap == 0) {
            // No cap: the path is what the models read (one derived table less, which H2 feels).
            return model == AttributionModel.TIME_DECAY
                    ? timeDecay(List.of(path), "path", settings)
                    : rational(model, List.of(path), "path");
        }

        // capped: the most recent P touches, with the capped length and positions.
        Field<Integer> rn = field(name("path", "rn"), Integer.class);
        Field<Integer> pathLength = field(name("path", "n"), Integer.class);
        Field<Integer> n = when(pathLength.gt(inline(cap)), inline(cap)).otherwise(pathLength);
        CommonTableExpression<?> capped = name("capped").as(select(
                field(name("path", "cid"), Long.class), field(name("path", "cts"), UtcTimestampBinding.TYPE).as("cts"),
                field(name("path", "cur"), String.class).as("cur"),
                field(name("path", "u"), Long.class).as("u"), field(name("path", "tid"), Long.class),
                field(name("path", "ts"), UtcTimestampBinding.TYPE).as("ts"), field(name("path", "ch"), String.class).as("ch"),
                field(name("path", "gk"), String.class).as("gk"), field(name("path", "age"), Double.class).as("age"), rn,
                n.as("n"), n.minus(rn).plus(inline(1)).as("pos"))
                .from(path).where(rn.le(inline(cap))));

        return model == AttributionModel.TIME_DECAY
                ? timeDecay(List.of(path, capped), "capped", settings)
                : rational(model, List.of(path, capped), "capped");
    }

    private List<CommonTableExpression<?>> rational(AttributionModel model, List<CommonTableExpression<?>> touches, String source) {
        Field<Long> cid = col(source, "cid", Long.class);
        Field<Long> tid = col(source, "tid", Long.class);
        Field<Integer> n = col(source, "n", Integer.class);
        Field<Integer> pos = col(source, "pos", Integer.class);
        Field<Integer> rn = col(source, "rn", Integer.class);
        Field<String> ch = col(source, "ch", String.class);

        // For last non-direct: the most recent non-direct touch ranks first, else the most recent touch.
        Field<Integer> rnd = rowNumber().over().partitionBy(cid).orderBy(
                when(ch.eq(inline("direct")), inline(1)).otherwise(inline(0)),
                col(source, "ts", UtcTimestampBinding.TYPE).desc(), tid.desc());

        Field<Long> numerator;
        Field<Long> denominator;
        switch (model) {
            case FIRST_TOUCH -> {
                numerator = when(pos.eq(inline(1)), inline(1L)).otherwise(inline(0L));
                denominator = inline(1L);
            }
            case LAST_TOUCH -> {
                numerator = when(rn.eq(inline(1)), inline(1L)).otherwise(inline(0L));
                denominator = inline(1L);
            }
            case LAST_NON_DIRECT -> {
                numerator = when(rnd.eq(inline(1)), inline(1L)).otherwise(inline(0L));
                denominator = inline(1L);
            }
            case LINEAR -> {
                numerator = inline(1L);
                denominator = when(n.eq(inline(0)), inline(1L)).otherwise(n.cast(SQLDataType.BIGINT));
            }
            case POSITION_BASED -> {
                Field<Long> n64 = n.cast(SQLDataType.BIGINT);
                numerator = case_().when(n.le(inline(2)), inline(1L))
                        .when(pos.eq(inline(1)).or(pos.eq(n)), n64.minus(inline(2L)).mul(inline(2L)))
                        .otherwise(inline(1L));
                denominator = case_().when(n.le(inline(1)), inline(1L)).when(n.eq(inline(2)), inline(2L))
                        .otherwise(n64.minus(inline(2L)).mul(inline(5L)));
            }
            default -> throw new IllegalStateException("not a rational model: " + model);
        }
        // A conversion without touches: all its credit to (direct).
        numerator = when(tid.isNull(), inline(1L)).otherwise(numerator);
        denominator = when(tid.isNull(), inline(1L)).otherwise(denominator);

        CommonTableExpression<?> credits = name("credits").as(select(cid, col(source, "cts", UtcTimestampBinding.TYPE),
                col(source, "cur", String.class), col(source, "u", Long.class), col(source, "gk", String.class),
                numerator.as("num"), denominator.as("den"))
                .from(name(source)));
        Field<Long> ccid = col("credits", "cid", Long.class);
        Field<LocalDateTime> ccts = col("credits", "cts", UtcTimestampBinding.TYPE);
        Field<String> cgk = col("credits", "gk", String.class);
        CommonTableExpression<?> groups = name("groups").as(select(ccid, ccts, col("credits", "cur", String.class),
                col("credits", "u", Long.class), cgk, sum(col("credits", "num", Long.class)).cast(SQLDataType.BIGINT).as("ng"),
                max(col("credits", "den", Long.class)).as("d"))
                .from(credits)
                .groupBy(ccid, ccts, col("credits", "cur", String.class), col("credits", "u", Long.class), cgk)
                .having(sum(col("credits", "num", Long.class)).gt(BigDecimal.ZERO)));

        Field<Long> u = col("groups", "u", Long.class);
        Field<Long> ng = col("groups", "ng", Long.class);
        Field<Long> d = col("groups", "d", Long.class);
        Field<Long> base = u.mul(ng).div(d);
        Field<Long> rem = u.mul(ng).mod(d);
        Field<Long> creditBase = inline(CREDIT_UNITS).mul(ng).div(d);
        Field<Long> creditRem = inline(CREDIT_UNITS).mul(ng).mod(d);
        List<CommonTableExpression<?>> ctes = new ArrayList<>(touches);
        ctes.add(credits);
        ctes.add(groups);
        return split(ctes, "groups", new Shares(base, rem.cast(SQLDataType.DOUBLE)),
                new Shares(creditBase, creditRem.cast(SQLDataType.DOUBLE)));
    }

    private List<CommonTableExpression<?>> timeDecay(List<CommonTableExpression<?>> touches, String source,
                                              AttributionSettings settings) {
        Field<Long> cid = col(source, "cid", Long.class);
        Field<Double> age = col(source, "age", Double.class);
        double halfLife = settings.halfLife().toNanos() / 1e9;
        // 2^(-(age - youngest)/H): the same after normalisation as 2^(-age/H), without underflow for long lookbacks.
        Field<Double> weight = coalesce(DSL.power(inline(2.0d),
                inline(0.0d).minus(age.minus(min(age).over().partitionBy(cid)).div(inline(halfLife)))).cast(SQLDataType.DOUBLE),
                inline(1.0d));
        CommonTableExpression<?> weights = name("weights").as(select(cid, col(source, "cts", UtcTimestampBinding.TYPE),
                col(source, "cur", String.class),
                col(source, "u", Long.class), col(source, "gk", String.class), weight.as("w")).from(name(source)));
        Field<Long> wcid = col("weights", "cid", Long.class);
        Field<Double> w = col("weights", "w", Double.class);
        CommonTableExpression<?> credits = name("credits").as(select(wcid, col("weights", "cts", UtcTimestampBinding.TYPE),
                col("weights", "cur", String.class),
                col("weights", "u", Long.class), col("weights", "gk", String.class),
                w.div(sum(w).over().partitionBy(wcid).cast(SQLDataType.DOUBLE)).cast(SQLDataType.DOUBLE).as("q"))
                .from(weights));
        Field<Long> ccid = col("credits", "cid", Long.class);
        Field<LocalDateTime> ccts = col("credits", "cts", UtcTimestampBinding.TYPE);
        Field<String> cgk = col("credits", "gk", String.class);
        CommonTableExpression<?> groups = name("groups").as(select(ccid, ccts, col("credits", "cur", String.class),
                col("credits", "u", Long.class), cgk, sum(col("credits", "q", Double.class)).cast(SQLDataType.DOUBLE).as("qg"))
                .from(credits)
                .groupBy(ccid, ccts, col("credits", "cur", String.class), col("credits", "u", Long.class), cgk));
        Field<Double> qg = col("groups", "qg", Double.class);
        List<CommonTableExpression<?>> ctes = new ArrayList<>(touches);
        ctes.add(weights);
        ctes.add(credits);
        ctes.add(groups);
        return split(ctes, "groups", Shares.of(col("groups", "u", Long.class).cast(SQLDataType.DOUBLE), qg),
                Shares.of(inline(CREDIT_UNITS).cast(SQLDataType.DOUBLE), qg));
    }

    /**
     * A group's share of a whole, in integer units: {@code base} units for sure and a remainder that ranks it
     * for one of the units left over (comparable within one conversion only).
     */
    private record Shares(Field<Long> base, Field<Double> remainder) {
        static Shares of(Field<Double> whole, Field<Double> fraction) {
            Field<Double> raw = whole.mul(fraction).cast(SQLDataType.DOUBLE);
            return new Shares(DSL.floor(raw).cast(SQLDataType.BIGINT), raw.minus(DSL.floor(raw)).cast(SQLDataType.DOUBLE));
        }
    }

    /** Largest remainder per conversion, for revenue and credit alike: the {@code allocated} rows. */
    private List<CommonTableExpression<?>> split(List<CommonTableExpression<?>> ctes, String groups, Shares revenue,
                                                 Shares credit) {
        Field<Long> cid = col(groups, "cid", Long.class);
        Field<String> gk = col(groups, "gk", String.class);
        CommonTableExpression<?> parts = name("parts").as(select(cid, col(groups, "cts", UtcTimestampBinding.TYPE).as("cts"),
                col(groups, "cur", String.class).as("cur"), gk, col(groups, "u", Long.class).as("u"), revenue.base().as("base"),
                revenue.remainder().as("rem"), credit.base().as("cbase"), credit.remainder().as("crem")).from(name(groups)));
        Field<Long> pcid = col("parts", "cid", Long.class);
        Field<String> pgk = col("parts", "gk", String.class);
        Field<Long> units = allocated(pcid, pgk, col("parts", "u", Long.class), col("parts", "base", Long.class),
                col("parts", "rem", Double.class));
        Field<Long> creditUnits = allocated(pcid, pgk, inline(CREDIT_UNITS), col("parts", "cbase", Long.class),
                col("parts", "crem", Double.class));
        CommonTableExpression<?> allocated = name("allocated").as(select(pcid, col("parts", "cts", UtcTimestampBinding.TYPE),
                col("parts", "cur", String.class), pgk, units.as("units"), creditUnits.as("cunits")).from(name("parts")));
        List<CommonTableExpression<?>> all = new ArrayList<>(ctes);
        all.add(parts);
        all.add(allocated);
        return all;
    }

    /** The allocated units summed per currency and group. */
    private static List<AttributedRevenue> totals(DSLContext dsl, List<CommonTableExpression<?>> ctes) {
        Field<String> cur = col("allocated", "cur", String.class);
        Field<String> key = col("allocated", "gk", String.class);
        var rows = dsl.with(ctes.toArray(CommonTableExpression[]::new))
                .select(cur, key, sum(col("allocated", "units", Long.class)), sum(col("allocated", "cunits", Long.class)))
                .from(name("allocated"))
                .groupBy(cur, key)
                .fetch();
        List<AttributedRevenue> result = new ArrayList<>(rows.size());
        for (var row : rows) {
            result.add(row(row.value1(), row.value2(), row.value4(), row.value3()));
        }
        result.sort(Comparator.comparing(AttributedRevenue::currency).thenComparing(AttributedRevenue::groupKey));
        return result;
    }

    /** A result row from summed credit units (millionths) and revenue units (0.0001). */
    public static AttributedRevenue row(String currency, String groupKey, BigDecimal creditUnits, BigDecimal revenueUnits) {
        return new AttributedRevenue(null, currency.strip(), groupKey, creditUnits.movePointLeft(6).setScale(6),
                revenueUnits.movePointLeft(4).setScale(4));
    }

    /**
     * A group's units of a whole: its base, plus one of the units the bases leave over when its remainder ranks
     * among the largest of its conversion (ties to the smaller group key).
     */
    private Field<Long> allocated(Field<Long> conversion, Field<String> groupKey, Field<Long> whole, Field<Long> base,
                                  Field<Double> remainder) {
        Field<Long> left = whole.minus(sum(base).over().partitionBy(conversion).cast(SQLDataType.BIGINT));
        Field<Integer> rank = rowNumber().over().partitionBy(conversion).orderBy(remainder.desc(), codePointOrder(groupKey));
        return base.plus(when(rank.cast(SQLDataType.BIGINT).le(left), inline(1L)).otherwise(inline(0L)));
    }

    /** Ordering by code point: PostgreSQL's "C" collation; H2 compares strings as Java does already. */
    private Field<String> codePointOrder(Field<String> text) {
        return dialect == WarehouseDialect.POSTGRES ? field("{0} collate \"C\"", String.class, text) : text;
    }

    /** Fractional seconds from {@code earlier} to {@code later}, exact to the microsecond. */
    private Field<Double> secondsBetween(Field<LocalDateTime> earlier, Field<LocalDateTime> later) {
        return dialect == WarehouseDialect.POSTGRES
                ? field("cast(extract(epoch from ({1} - {0})) as double precision)", Double.class, earlier, later)
                : field("cast(datediff(microsecond, {0}, {1}) as double precision) / 1000000", Double.class, earlier, later);
    }

    private static <T> Field<T> col(String table, String column, Class<T> type) {
        return field(name(table, column), type);
    }

    private static <T> Field<T> col(String table, String column, DataType<T> type) {
        return field(name(table, column), type);
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
