package org.unifiedanalytics.query;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.WEB_REPORT_QUALITY;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.WEB_USER_TOTALS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.Warehouse;

/**
 * Channel KPIs by day, week or month, each with its change from the previous bucket: TikTok views,
 * engagement rate and followers gained; website sessions, users, engaged-session rate and conversion rate; email
 * open, click and conversion rates and revenue per recipient (per currency); orders, revenue, average order value and refunds per currency.
 *
 * <pre>{@code
 * List<Kpi> weekly = ChannelKpiQueries.on(warehouse).kpis(Period.lastDays(90), Granularity.WEEK);
 * }</pre>
 *
 * <p>Daily sums come from the database; bucketing by week or month happens on those few rows. Email
 * campaigns count in the bucket of their send time, at their latest reported numbers. Website users are
 * never summed across days: a bucket's users are the total the platform counted over exactly that day, ISO
 * week or month, and empty when it has not been read. Website KPIs carry the {@link DataCaveat}s of their days.
 */
public final class ChannelKpiQueries {
    private final DSLContext dsl;

    private ChannelKpiQueries(Warehouse warehouse) {
        this.dsl = warehouse.dsl();
    }

    public static ChannelKpiQueries on(Warehouse warehouse) {
        return new ChannelKpiQueries(Objects.requireNonNull(warehouse, "warehouse"));
    }

    /** Every KPI of every channel, bucket by bucket, ordered by channel, KPI, currency and bucket. */
    public List<Kpi> kpis(Period period, Granularity granularity) {
        LocalDate from = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(period.to(), ZoneOffset.UTC);
        Map<String, Map<LocalDate, BigDecimal>> sums = new LinkedHashMap<>();

        var m = CONTENT_METRIC_INCREASE;
        Field<LocalDate> contentDay = m.REPORT_DATE;
        dsl.select(contentDay, sum(m.VIEWS), sum(coalesce(m.LIKES, 0L).plus(coalesce(m.COMMENTS, 0L))
                        .plus(coalesce(m.SHARES, 0L)).plus(coalesce(m.SAVES, 0L))))
                .from(m).where(m.PLATFORM.eq("tiktok"), m.REPORT_DATE.ge(from), m.REPORT_DATE.lt(to)).groupBy(contentDay)
                .forEach(r -> {
                    add(sums, "tiktok|views|", granularity.bucketOf(r.value1()), r.value2());
                    add(sums, "tiktok|engagements|", granularity.bucketOf(r.value1()), r.value3());
                });
        var a = ACCOUNT_METRIC_DAILY;
        dsl.select(a.REPORT_DATE, sum(a.FOLLOWERS_GAINED)).from(a)
                .where(a.PLATFORM.eq("tiktok"), a.REPORT_DATE.ge(from), a.REPORT_DATE.lt(to)).groupBy(a.REPORT_DATE)
                .forEach(r -> add(sums, "tiktok|followers_gained|", granularity.bucketOf(r.value1()), r.value2()));

        var w = WEB_TRAFFIC_DAILY;
        dsl.select(w.REPORT_DATE, sum(w.SESSIONS), sum(w.ENGAGED_SESSIONS), sum(w.PURCHASES)).from(w)
                .where(w.REPORT_DATE.ge(from), w.REPORT_DATE.lt(to)).groupBy(w.REPORT_DATE)
                .forEach(r -> {
                    LocalDate bucket = granularity.bucketOf(r.value1());
                    add(sums, "website|sessions|", bucket, r.value2());
                    add(sums, "website|engaged_sessions|", bucket, r.value3());
                    add(sums, "website|purchases|", bucket, r.value4());
                });

        // Users are not additive: only a total counted over exactly the bucket's days answers (one per property).
        var u = WEB_USER_TOTALS;
        dsl.select(u.PERIOD_START, u.PERIOD_END, sum(u.TOTAL_USERS)).from(u)
                .where(u.PERIOD_START.ge(granularity.bucketOf(from)), u.PERIOD_START.lt(to))
                .groupBy(u.PERIOD_START, u.PERIOD_END)
                .forEach(r -> {
                    LocalDate bucket = r.value1();
                    if (granularity.bucketOf(bucket).equals(bucket) && next(bucket, granularity).minusDays(1).equals(r.value2())) {
                        add(sums, "website|users|", bucket, r.value3());
                    }
                });
        var q = WEB_REPORT_QUALITY;
        Map<LocalDate, java.util.Set<DataCaveat>> caveats = new TreeMap<>();
        dsl.select(q.REPORT_DATE, q.SUBJECT_TO_THRESHOLDING, q.DATA_LOSS_FROM_OTHER_ROW, q.SAMPLED).from(q)
                .where(q.REPORT_DATE.ge(from), q.REPORT_DATE.lt(to),
                        q.SUBJECT_TO_THRESHOLDING.isTrue().or(q.DATA_LOSS_FROM_OTHER_ROW.isTrue()).or(q.SAMPLED.isTrue()))
                .forEach(r -> {
                    var set = caveats.computeIfAbsent(granularity.bucketOf(r.value1()),
                            b -> java.util.EnumSet.noneOf(DataCaveat.class));
                    if (Boolean.TRUE.equals(r.value2())) {
                        set.add(DataCaveat.THRESHOLDED);
                    }
                    if (Boolean.TRUE.equals(r.value3())) {
                        set.add(DataCaveat.OTHER_ROW);
                    }
                    if (Boolean.TRUE.equals(r.value4())) {
                        set.add(DataCaveat.SAMPLED);
                    }
                });

        // Email: each campaign at its latest numbers (a lifetime snapshot, or the sum of daily rows).
        var e = EMAIL_CAMPAIGN_METRIC_DAILY;
        var c = EMAIL_CAMPAIGN;
        var latest = DSL.select(e.PLATFORM, e.CAMPAIGN_ID, max(e.REPORT_DATE).as("latest")).from(e)
                .where(e.COUNTING.eq("lifetime")).groupBy(e.PLATFORM, e.CAMPAIGN_ID).asTable("latest");
        var snapshot = DSL.select(e.PLATFORM, e.CAMPAIGN_ID, e.DELIVERED, e.UNIQUE_OPENS, e.UNIQUE_CLICKS, e.CONVERSIONS,
                        e.RECIPIENTS, e.CONVERSION_VALUE, e.CURRENCY)
                .from(e).join(latest).on(e.PLATFORM.eq(latest.field(e.PLATFORM)), e.CAMPAIGN_ID.eq(latest.field(e.CAMPAIGN_ID)),
                        e.REPORT_DATE.eq(latest.field("latest", LocalDate.class)))
                .where(e.COUNTING.eq("lifetime"))
                .unionAll(DSL.select(e.PLATFORM, e.CAMPAIGN_ID, sum(e.DELIVERED).cast(Long.class), sum(e.UNIQUE_OPENS).cast(Long.class),
                        sum(e.UNIQUE_CLICKS).cast(Long.class), sum(e.CONVERSIONS).cast(Long.class),
                        sum(e.RECIPIENTS).cast(Long.class), sum(e.CONVERSION_VALUE), e.CURRENCY)
                        .from(e).where(e.COUNTING.eq("daily")).groupBy(e.PLATFORM, e.CAMPAIGN_ID, e.CURRENCY))
                .asTable("campaign_totals");
        Field<LocalDateTime> sent = c.SEND_TIME;
        dsl.select(sent, snapshot.field(e.DELIVERED), snapshot.field(e.UNIQUE_OPENS), snapshot.field(e.UNIQUE_CLICKS),
                        snapshot.field(e.CONVERSIONS), snapshot.field(e.RECIPIENTS), snapshot.field(e.CONVERSION_VALUE),
                        snapshot.field(e.CURRENCY))
                .from(snapshot).join(c).on(c.PLATFORM.eq(snapshot.field(e.PLATFORM)), c.CAMPAIGN_ID.eq(snapshot.field(e.CAMPAIGN_ID)))
                .where(sent.ge(utc(period.from())), sent.lt(utc(period.to())))
                .forEach(r -> {
                    LocalDate bucket = granularity.bucketOf(r.value1().toLocalDate());
                    add(sums, "email|delivered|", bucket, r.value2());
                    add(sums, "email|unique_opens|", bucket, r.value3());
                    add(sums, "email|unique_clicks|", bucket, r.value4());
                    add(sums, "email|conversions|", bucket, r.value5());
                    if (r.value8() != null && r.value7() != null) {
                        // Money per currency: a campaign's value and its recipients count under the value's currency.
                        String currency = r.value8().strip();
                        add(sums, "email|conversion_value|" + currency, bucket, r.value7());
                        add(sums, "email|valued_recipients|" + currency, bucket, r.value6());
                    }
                });

        var o = SALES_ORDER;
        Field<LocalDate> orderDay = o.CREATED_AT.cast(LocalDate.class);
        dsl.select(orderDay, o.CURRENCY, count(), sum(o.TOTAL), sum(o.REFUNDED)).from(o)
                .where(o.CREATED_AT.ge(utc(period.from())), o.CREATED_AT.lt(utc(period.to())))
                .groupBy(orderDay, o.CURRENCY)
                .forEach(r -> {
                    LocalDate bucket = granularity.bucketOf(r.value1());
                    String currency = r.value2().strip();
                    add(sums, "sales|orders|" + currency, bucket, r.value3());
                    add(sums, "sales|revenue|" + currency, bucket, r.value4());
                    add(sums, "sales|refunds|" + currency, bucket, r.value5());
                });

        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate day = granularity.bucketOf(from); day.isBefore(to); day = next(day, granularity)) {
            buckets.add(day);
        }
        List<Kpi> kpis = new ArrayList<>();
        emit(kpis, buckets, "tiktok", "views", "", b -> value(sums, "tiktok|views|", b));
        emit(kpis, buckets, "tiktok", "engagement_rate", "", b -> Scales.rate(value(sums, "tiktok|engagements|", b),
                value(sums, "tiktok|views|", b)));
        emit(kpis, buckets, "tiktok", "followers_gained", "", b -> value(sums, "tiktok|followers_gained|", b));
        List<Kpi> website = new ArrayList<>();
        emit(website, buckets, "website", "sessions", "", b -> value(sums, "website|sessions|", b));
        emit(website, buckets, "website", "users", "", b -> Optional.ofNullable(sums.getOrDefault("website|users|", Map.of()).get(b)));
        emit(website, buckets, "website", "engaged_session_rate", "", b -> Scales.rate(value(sums, "website|engaged_sessions|", b),
                value(sums, "website|sessions|", b)));
        emit(website, buckets, "website", "conversion_rate", "", b -> Scales.rate(value(sums, "website|purchases|", b),
                value(sums, "website|sessions|", b)));
        website.forEach(k -> kpis.add(new Kpi(k.bucket(), k.channel(), k.name(), k.currency(), k.value(), k.change(),
                caveats.getOrDefault(k.bucket(), java.util.Set.of()))));
        emit(kpis, buckets, "email", "open_rate", "", b -> Scales.rate(value(sums, "email|unique_opens|", b),
                value(sums, "email|delivered|", b)));
        emit(kpis, buckets, "email", "click_rate", "", b -> Scales.rate(value(sums, "email|unique_clicks|", b),
                value(sums, "email|delivered|", b)));
        emit(kpis, buckets, "email", "conversion_rate", "", b -> Scales.rate(value(sums, "email|conversions|", b),
                value(sums, "email|delivered|", b)));
        List<String> emailCurrencies = sums.keySet().stream().filter(k -> k.startsWith("email|conversion_value|"))
                .map(k -> k.substring("email|conversion_value|".length())).sorted().toList();
        for (String currency : emailCurrencies) {
            emit(kpis, buckets, "email", "revenue_per_recipient", currency, b -> Scales.moneyPer(
                    value(sums, "email|conversion_value|" + currency, b), value(sums, "email|valued_recipients|" + currency, b)));
        }
        List<String> currencies = sums.keySet().stream().filter(k -> k.startsWith("sales|orders|"))
                .map(k -> k.substring("sales|orders|".length())).sorted().toList();
        for (String currency : currencies) {
            emit(kpis, buckets, "sales", "orders", currency, b -> value(sums, "sales|orders|" + currency, b));
            emit(kpis, buckets, "sales", "revenue", currency, b -> value(sums, "sales|revenue|" + currency, b));
            emit(kpis, buckets, "sales", "average_order_value", currency, b -> Scales.moneyPer(
                    value(sums, "sales|revenue|" + currency, b), value(sums, "sales|orders|" + currency, b)));
            emit(kpis, buckets, "sales", "refunds", currency, b -> value(sums, "sales|refunds|" + currency, b));
        }
        return kpis;
    }

    private static void emit(List<Kpi> out, List<LocalDate> buckets, String channel, String name, String currency,
                             java.util.function.Function<LocalDate, Object> valueOf) {
        Optional<BigDecimal> previous = Optional.empty();
        for (LocalDate bucket : buckets) {
            Object raw = valueOf.apply(bucket);
            Optional<BigDecimal> value = raw instanceof Optional<?> optional ? optional.map(BigDecimal.class::cast)
                    : Optional.of((BigDecimal) raw);
            Optional<BigDecimal> change = previous.isPresent() && value.isPresent() && previous.get().signum() != 0
                    ? Scales.rate(value.get().subtract(previous.get()), previous.get())
                    : Optional.empty();
            out.add(new Kpi(bucket, channel, name, currency.isEmpty() ? Optional.empty() : Optional.of(currency), value, change));
            previous = value;
        }
    }

    private static BigDecimal value(Map<String, Map<LocalDate, BigDecimal>> sums, String key, LocalDate bucket) {
        return sums.getOrDefault(key, Map.of()).getOrDefault(bucket, BigDecimal.ZERO);
    }

    private static void add(Map<String, Map<LocalDate, BigDecimal>> sums, String key, LocalDate bucket, Object value) {
        if (value == null) {
            return;
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        sums.computeIfAbsent(key, k -> new TreeMap<>()).merge(bucket, number, BigDecimal::add);
    }

    private static LocalDate next(LocalDate bucket, Granularity granularity) {
        return switch (granularity) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
