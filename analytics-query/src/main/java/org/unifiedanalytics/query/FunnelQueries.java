package org.unifiedanalytics.query;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jooq.CaseConditionStep;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.internal.UtcTimestampBinding;
import org.unifiedanalytics.model.Warehouse;

/**
 * Funnels: the 7-stage organic marketing funnel of a period, and customer-journey funnels over ordered
 * steps, computed in the database.
 *
 * <pre>{@code
 * FunnelQueries funnels = FunnelQueries.on(warehouse);
 * MarketingFunnel funnel = funnels.marketingFunnel(Period.lastDays(30));
 * List<JourneyStepResult> journey = funnels.journey(List.of(JourneyStep.of("saw a video", "video_view"),
 *         JourneyStep.of("visited the shop", "session"), JourneyStep.of("bought", JourneyStep.PURCHASE)),
 *         Duration.ofDays(14), Period.lastDays(30));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FunnelQueries {
    private final DSLContext dsl;
    /** H2 evaluates the journey's chain of window functions slowly: there the journey is walked in memory. */
    private final boolean walkJourneys;

    private FunnelQueries(Warehouse warehouse) {
        this.dsl = warehouse.dsl();
        this.walkJourneys = warehouse.dialect() == org.unifiedanalytics.model.WarehouseDialect.H2;
    }

    public static FunnelQueries on(Warehouse warehouse) {
        return new FunnelQueries(Objects.requireNonNull(warehouse, "warehouse"));
    }

    /** The marketing funnel of a period from touchpoints, with the default stage definition, all channels. */
    public MarketingFunnel marketingFunnel(Period period) {
        return marketingFunnel(period, Optional.empty(), FunnelDefinition.DEFAULT, FunnelSource.TOUCHPOINTS);
    }

    /**
     * The marketing funnel of a period. With a channel, stages 1-5 count that channel's touches, stage 6 the
     * orders whose last-non-direct credit goes to it, and stage 7 the repeat customers among those orders.
     *
     * @throws IllegalArgumentException for a channel with {@link FunnelSource#DAILY_METRICS}, whose aggregates have none
     */
    public MarketingFunnel marketingFunnel(Period period, Optional<String> channel, FunnelDefinition definition,
                                           FunnelSource source) {
        Objects.requireNonNull(period, "period");
        if (source == FunnelSource.DAILY_METRICS && channel.isPresent()) {
            throw new IllegalArgumentException("a channel filter needs FunnelSource.TOUCHPOINTS: daily aggregates have no channel");
        }
        List<Long> values = new ArrayList<>(source == FunnelSource.TOUCHPOINTS
                ? touchStages(period, channel, definition) : metricStages(period));

        Condition inPeriod = CONVERSION.OCCURRED_AT.ge(utc(period.from())).and(CONVERSION.OCCURRED_AT.lt(utc(period.to())));
        Condition credited = channel.map(ch -> CONVERSION.CONVERSION_ID.in(lastNonDirectConversions(period, ch)))
                .orElse(noCondition());
        values.add((long) dsl.fetchCount(CONVERSION, inPeriod.and(credited)));

        // Loyalty: customers with an order in the period that is not their first order ever.
        Field<Integer> orderNumber = rowNumber().over().partitionBy(CONVERSION.CUSTOMER_KEY)
                .orderBy(CONVERSION.OCCURRED_AT, CONVERSION.CONVERSION_ID);
        Table<?> ranked = select(CONVERSION.CONVERSION_ID, CONVERSION.CUSTOMER_KEY, CONVERSION.OCCURRED_AT,
                orderNumber.as("k")).from(CONVERSION).where(CONVERSION.CUSTOMER_KEY.isNotNull()).asTable("ranked");
        Field<Long> rid = ranked.field("conversion_id", Long.class);
        Field<String> rcustomer = ranked.field("customer_key", String.class);
        Field<LocalDateTime> rat = ranked.field(CONVERSION.OCCURRED_AT);
        Condition rankedInPeriod = rat.ge(utc(period.from())).and(rat.lt(utc(period.to())))
                .and(channel.map(ch -> rid.in(lastNonDirectConversions(period, ch))).orElse(noCondition()));
        var loyalty = dsl.select(countDistinct(rcustomer).filterWhere(ranked.field("k", Integer.class).gt(1)),
                        countDistinct(rcustomer))
                .from(ranked).where(rankedInPeriod).fetchOne();
        values.add(loyalty.value1().longValue());
        long purchasing = loyalty.value2().longValue();

        List<FunnelStage> stages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            Optional<BigDecimal> fromFirst = Scales.rate(value, values.get(0));
            if (i == 0) {
                stages.add(new FunnelStage(1, FunnelDefinition.STAGE_NAMES.get(0), value, Optional.empty(), fromFirst,
                        Optional.empty(), Optional.empty()));
                continue;
            }
            long previous = values.get(i - 1);
            Optional<BigDecimal> fromPrevious = Scales.rate(value, previous);
            stages.add(new FunnelStage(i + 1, FunnelDefinition.STAGE_NAMES.get(i), value, fromPrevious, fromFirst,
                    Optional.of(previous - value), fromPrevious.map(BigDecimal.ONE::subtract)));
        }
        return new MarketingFunnel(stages, purchasing, Scales.rate(values.get(6), purchasing));
    }

    private List<Long> touchStages(Period period, Optional<String> channel, FunnelDefinition definition) {
        List<Field<Integer>> counts = new ArrayList<>();
        for (Set<String> types : definition.touchStages()) {
            counts.add(count().filterWhere(types.isEmpty() ? DSL.falseCondition() : TOUCHPOINT.TOUCH_TYPE.in(types)));
        }
        Record row = dsl.select(counts).from(TOUCHPOINT)
                .where(TOUCHPOINT.OCCURRED_AT.ge(utc(period.from())), TOUCHPOINT.OCCURRED_AT.lt(utc(period.to())))
                .and(channel.map(TOUCHPOINT.CHANNEL::eq).orElse(noCondition()))
                .fetchOne();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            values.add(row.get(i, Long.class));
        }
        return values;
    }

    private List<Long> metricStages(Period period) {
        LocalDate from = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(period.to(), ZoneOffset.UTC);
        var m = CONTENT_METRIC_INCREASE;
        Record content = dsl.select(
                        sum(m.VIEWS),
                        sum(DSL.coalesce(m.LIKES, 0L).plus(DSL.coalesce(m.COMMENTS, 0L)).plus(DSL.coalesce(m.SHARES, 0L))
                                .plus(DSL.coalesce(m.SAVES, 0L))),
                        sum(DSL.coalesce(m.PROFILE_VISITS, 0L).plus(DSL.coalesce(m.PRODUCT_CLICKS, 0L))))
                .from(m).where(m.REPORT_DATE.ge(from), m.REPORT_DATE.lt(to)).fetchOne();
        var w = WEB_TRAFFIC_DAILY;
        Record web = dsl.select(sum(w.SESSIONS), sum(DSL.coalesce(w.ADD_TO_CARTS, 0L).plus(DSL.coalesce(w.CHECKOUTS, 0L))))
                .from(w).where(w.REPORT_DATE.ge(from), w.REPORT_DATE.lt(to)).fetchOne();
        return List.of(number(content.get(0)), number(content.get(1)), number(content.get(2)), number(web.get(0)),
                number(web.get(1)));
    }

    /** The conversions of the period whose last-non-direct touch is in the channel. */
    private Select<? extends org.jooq.Record1<Long>> lastNonDirectConversions(Period period, String channel) {
        var c = CONVERSION.as("lc");
        var t = TOUCHPOINT.as("lt");
        Field<Integer> rank = rowNumber().over().partitionBy(c.CONVERSION_ID).orderBy(
                when(t.CHANNEL.eq(inline("direct")), inline(1)).otherwise(inline(0)), t.OCCURRED_AT.desc(), t.TOUCHPOINT_ID.desc());
        Table<?> last = select(c.CONVERSION_ID.as("cid"), t.CHANNEL.as("ch"), rank.as("r"))
                .from(c).join(t).on(t.CUSTOMER_KEY.eq(c.CUSTOMER_KEY)
                        .and(t.OCCURRED_AT.ge(DSL.localDateTimeSub(c.OCCURRED_AT, inline(AttributionSettings.DEFAULTS.lookback()
                                .getSeconds()), DatePart.SECOND)))
                        .and(t.OCCURRED_AT.lt(c.OCCURRED_AT)))
                .where(c.OCCURRED_AT.ge(utc(period.from())), c.OCCURRED_AT.lt(utc(period.to())))
                .asTable("last_touch");
        return select(last.field("cid", Long.class)).from(last)
                .where(last.field("r", Integer.class).eq(1), last.field("ch", String.class).eq(val(channel)));
    }

    /**
     * A customer-journey funnel: how many distinct customers reached each step, in order, each step at or
     * after the previous one and within {@code window} of their step-1 event (inclusive). Each attempt starts
     * at any step-1 event in {@code entry}; a customer counts at the furthest step of their best attempt.
     *
     * @throws IllegalArgumentException when fewer than two steps are given, or two steps could match one event
     */
    public List<JourneyStepResult> journey(List<JourneyStep> steps, java.time.Duration window, Period entry) {
        if (walkJourneys) {
            long[] reached = new long[steps.size()];
            walk(steps, window, entry, outcome -> {
                for (int j = 0; j < outcome.furthest(); j++) {
                    reached[j]++;
                }
            });
            return results(steps, java.util.Arrays.stream(reached).boxed().toList());
        }
        Chain chain = chain(steps, window, entry);
        String last = chain.last();
        List<Field<?>> reached = new ArrayList<>();
        for (int j = 1; j <= steps.size(); j++) {
            reached.add(countDistinct(field(name(last, "ck"), String.class))
                    .filterWhere(field(name(last, "m" + j), UtcTimestampBinding.TYPE).isNotNull()));
        }
        Record row = dsl.with(chain.ctes().toArray(CommonTableExpression[]::new)).select(reached).from(name(last)).fetchOne();
        List<Long> counts = new ArrayList<>();
        for (int j = 0; j < steps.size(); j++) {
            counts.add(number(row.get(j)));
        }
        return results(steps, counts);
    }

    /**
     * The journey funnel broken down by the channel group of each customer's step-1 event: every customer in
     * exactly one bucket, the group of the start of their best attempt (the latest start, in time then
     * touchpoint-id order, among the attempts that reach their furthest step). Buckets in name order;
     * a purchase as step 1 has the group {@code (none)}.
     */
    public Map<String, List<JourneyStepResult>> journeyByChannelGroup(List<JourneyStep> steps, java.time.Duration window,
                                                                      Period entry) {
        if (walkJourneys) {
            Map<String, long[]> reachedByGroup = new java.util.TreeMap<>();
            walk(steps, window, entry, outcome -> {
                if (outcome.furthest() > 0) {
                    long[] reached = reachedByGroup.computeIfAbsent(
                            outcome.startGroup() == null ? "(none)" : outcome.startGroup(), g -> new long[steps.size()]);
                    for (int j = 0; j < outcome.furthest(); j++) {
                        reached[j]++;
                    }
                }
            });
            Map<String, List<JourneyStepResult>> byGroup = new java.util.TreeMap<>();
            reachedByGroup.forEach((group, reached) -> byGroup.put(group,
                    results(steps, java.util.Arrays.stream(reached).boxed().toList())));
            return byGroup;
        }
        Chain chain = chain(steps, window, entry);
        String last = chain.last();
        int k = steps.size();
        List<Field<?>> perCustomer = new ArrayList<>();
        perCustomer.add(field(name(last, "ck"), String.class).as("ck"));
        for (int j = 1; j <= k; j++) {
            perCustomer.add(max(field(name(last, "r" + j), Long.class)).as("b" + j));
        }
        CommonTableExpression<?> customers = name("customers").as(select(perCustomer).from(name(last))
                .groupBy(field(name(last, "ck"), String.class))
                .having(max(field(name(last, "r1"), Long.class)).isNotNull()));
        // The start of the best attempt: the latest start reaching the furthest step.
        List<Field<Long>> latestFirst = new ArrayList<>();
        for (int j = k; j >= 1; j--) {
            latestFirst.add(field(name("customers", "b" + j), Long.class));
        }
        Field<Long> start = DSL.coalesce(latestFirst.get(0), latestFirst.subList(1, latestFirst.size()).toArray(Field[]::new));
        CaseConditionStep<Integer> furthest = when(field(name("customers", "b" + k), Long.class).isNotNull(), inline(k));
        for (int j = k - 1; j >= 1; j--) {
            furthest = furthest.when(field(name("customers", "b" + j), Long.class).isNotNull(), inline(j));
        }
        CommonTableExpression<?> best = name("best").as(select(field(name("customers", "ck"), String.class).as("ck"),
                start.as("start"), furthest.otherwise(inline(0)).as("furthest")).from(name("customers")));
        List<CommonTableExpression<?>> ctes = new ArrayList<>(chain.ctes());
        ctes.add(customers);
        ctes.add(best);
        Field<String> group = field(name("m1", "grp"), String.class);
        List<Field<?>> selected = new ArrayList<>();
        selected.add(group);
        for (int j = 1; j <= k; j++) {
            selected.add(count().filterWhere(field(name("best", "furthest"), Integer.class).ge(inline(j))));
        }
        Map<String, List<JourneyStepResult>> byGroup = new java.util.TreeMap<>();
        dsl.with(ctes.toArray(CommonTableExpression[]::new)).select(selected)
                .from(name("best"))
                .join(name("m1")).on(field(name("m1", "ck"), String.class).eq(field(name("best", "ck"), String.class))
                        .and(field(name("m1", "r1"), Long.class).eq(field(name("best", "start"), Long.class))))
                .groupBy(group)
                .forEach(r -> {
                    List<Long> counts = new ArrayList<>();
                    for (int j = 1; j <= k; j++) {
                        counts.add(number(r.get(j)));
                    }
                    byGroup.put(r.get(0) == null ? "(none)" : r.get(0, String.class), results(steps, counts));
                });
        return byGroup;
    }

    private record Chain(List<CommonTableExpression<?>> ctes, String last) {
    }

    /**
     * The running-maximum formulation: each row of a customer's matching events, ordered by time then step,
     * carries m_j, the latest start of a chain that reached step j there, and r_j, that start's rank in time
     * then touchpoint-id order (ranks grow with time, so the largest rank is the latest start).
     */
    /** The journey on H2: every customer's matching events walked in memory, one customer at a time. */
    private void walk(List<JourneyStep> steps, java.time.Duration window, Period entry,
                      java.util.function.Consumer<JourneyWalk.Outcome> outcomes) {
        validate(steps);
        new JourneyScan(dsl).scan(steps, stepOf(steps), new JourneyWalk(steps.size(), window.getSeconds(), utc(entry.from()),
                utc(entry.to())), outcomes);
    }

    /** The step a touch matches, 1 to n, or 0 when it matches none. */
    private static Field<Integer> stepOf(List<JourneyStep> steps) {
        CaseConditionStep<Integer> stepOf = null;
        for (int j = 0; j < steps.size(); j++) {
            JourneyStep step = steps.get(j);
            Condition matches = TOUCHPOINT.TOUCH_TYPE.in(step.eventTypes());
            if (!step.channels().isEmpty()) {
                matches = matches.and(TOUCHPOINT.CHANNEL.in(step.channels()));
            }
            stepOf = stepOf == null ? when(matches, inline(j + 1)) : stepOf.when(matches, inline(j + 1));
        }
        return stepOf.otherwise(inline(0));
    }

    private Chain chain(List<JourneyStep> steps, java.time.Duration window, Period entry) {
        validate(steps);
        long windowSeconds = window.getSeconds();
        boolean purchase = steps.stream().anyMatch(s -> s.eventTypes().contains(JourneyStep.PURCHASE));

        Select<org.jooq.Record5<String, LocalDateTime, Integer, Long, String>> events = select(
                TOUCHPOINT.CUSTOMER_KEY.as("ck"), TOUCHPOINT.OCCURRED_AT.as("ts"), stepOf(steps).as("step"),
                TOUCHPOINT.TOUCHPOINT_ID.as("tid"), TOUCHPOINT.CHANNEL_GROUP.as("grp")).from(TOUCHPOINT);
        if (purchase) {
            int purchaseStep = 0;
            for (int j = 0; j < steps.size(); j++) {
                if (steps.get(j).eventTypes().contains(JourneyStep.PURCHASE)) {
                    purchaseStep = j + 1;
                }
            }
            // Conversions get negative ids so that they never tie with a touch.
            events = events.unionAll(select(CONVERSION.CUSTOMER_KEY.as("ck"), CONVERSION.OCCURRED_AT.as("ts"),
                    inline(purchaseStep).as("step"), CONVERSION.CONVERSION_ID.neg().as("tid"), inline((String) null).as("grp"))
                    .from(CONVERSION).where(CONVERSION.CUSTOMER_KEY.isNotNull()));
        }
        Table<?> matched = DSL.table(events).as("e");
        Field<String> ck = field(name("e", "ck"), String.class);
        Field<LocalDateTime> ts = field(name("e", "ts"), UtcTimestampBinding.TYPE);
        Field<Integer> step = field(name("e", "step"), Integer.class);
        Field<Long> tid = field(name("e", "tid"), Long.class);
        Condition entersHere = step.eq(inline(1)).and(ts.ge(utc(entry.from()))).and(ts.lt(utc(entry.to())));
        List<CommonTableExpression<?>> ctes = new ArrayList<>();
        ctes.add(name("m1").as(select(ck, ts, step, tid, field(name("e", "grp"), String.class),
                when(entersHere, ts).as("m1"),
                when(entersHere, rowNumber().over().partitionBy(ck).orderBy(ts, tid).cast(Long.class)).as("r1"))
                .from(matched).where(step.gt(inline(0)))));
        for (int j = 1; j < steps.size(); j++) {
            String prev = "m" + j;
            List<Field<?>> fields = new ArrayList<>();
            fields.add(field(name(prev, "ck"), String.class));
            fields.add(field(name(prev, "ts"), UtcTimestampBinding.TYPE));
            fields.add(field(name(prev, "step"), Integer.class));
            for (int k = 1; k <= j; k++) {
                fields.add(field(name(prev, "m" + k), UtcTimestampBinding.TYPE));
                fields.add(field(name(prev, "r" + k), Long.class));
            }
            Field<Integer> rowStep = field(name(prev, "step"), Integer.class);
            Field<LocalDateTime> rowTs = field(name(prev, "ts"), UtcTimestampBinding.TYPE);
            Field<String> rowCustomer = field(name(prev, "ck"), String.class);
            Field<LocalDateTime> bestStart = max(when(rowStep.eq(inline(j)), field(name(prev, "m" + j), UtcTimestampBinding.TYPE)))
                    .over().partitionBy(rowCustomer).orderBy(rowTs, rowStep).rowsBetweenUnboundedPreceding().andCurrentRow();
            Field<Long> bestRank = max(when(rowStep.eq(inline(j)), field(name(prev, "r" + j), Long.class)))
                    .over().partitionBy(rowCustomer).orderBy(rowTs, rowStep).rowsBetweenUnboundedPreceding().andCurrentRow();
            Condition extends_ = rowStep.eq(inline(j + 1))
                    .and(rowTs.le(DSL.localDateTimeAdd(bestStart, inline(windowSeconds), DatePart.SECOND)));
            fields.add(when(extends_, bestStart).as("m" + (j + 1)));
            fields.add(when(extends_, bestRank).as("r" + (j + 1)));
            ctes.add(name("m" + (j + 1)).as(select(fields).from(name(prev))));
        }
        return new Chain(ctes, "m" + steps.size());
    }

    private static List<JourneyStepResult> results(List<JourneyStep> steps, List<Long> counts) {
        List<JourneyStepResult> results = new ArrayList<>();
        long first = counts.get(0);
        long previous = first;
        for (int j = 0; j < steps.size(); j++) {
            long customers = counts.get(j);
            Optional<BigDecimal> fromPrevious = Scales.rate(customers, previous);
            results.add(new JourneyStepResult(j + 1, steps.get(j).name(), customers, Scales.rate(customers, first), fromPrevious,
                    previous - customers, fromPrevious.map(BigDecimal.ONE::subtract)));
            previous = customers;
        }
        return results;
    }

    private static void validate(List<JourneyStep> steps) {
        if (steps == null || steps.size() < 2) {
            throw new IllegalArgumentException("a journey funnel needs at least two steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            for (int j = i + 1; j < steps.size(); j++) {
                JourneyStep a = steps.get(i);
                JourneyStep b = steps.get(j);
                Set<String> shared = new HashSet<>(a.eventTypes());
                shared.retainAll(b.eventTypes());
                boolean channelsOverlap = a.channels().isEmpty() || b.channels().isEmpty()
                        || a.channels().stream().anyMatch(b.channels()::contains);
                if (!shared.isEmpty() && channelsOverlap) {
                    throw new IllegalArgumentException("journey steps '" + a.name() + "' and '" + b.name()
                            + "' could both match an event of type " + shared + "; each event may match one step only");
                }
            }
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
