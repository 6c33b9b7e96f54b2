package org.unifiedanalytics.model.internal;

import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.unifiedanalytics.model.records.AccountMetrics;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.EmailCampaignMetrics;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.records.WebTraffic;

/**
 * The daily-metric kinds, whose rows are partitioned by (platform, account, reporting date): a re-read
 * window can replace its partitions whole, so that rows that vanished upstream disappear.
 */
public final class DailyPartitions {

    private record Partition(Table<?> table, Field<String> platform, Field<String> account, Field<LocalDate> date) {
    }

    private static final Map<Class<?>, Partition> PARTITIONS = Map.of(
            ContentMetrics.class, new Partition(CONTENT_METRIC_DAILY, CONTENT_METRIC_DAILY.PLATFORM,
                    CONTENT_METRIC_DAILY.ACCOUNT_ID, CONTENT_METRIC_DAILY.REPORT_DATE),
            AccountMetrics.class, new Partition(ACCOUNT_METRIC_DAILY, ACCOUNT_METRIC_DAILY.PLATFORM,
                    ACCOUNT_METRIC_DAILY.ACCOUNT_ID, ACCOUNT_METRIC_DAILY.REPORT_DATE),
            WebTraffic.class, new Partition(WEB_TRAFFIC_DAILY, WEB_TRAFFIC_DAILY.PLATFORM,
                    WEB_TRAFFIC_DAILY.PROPERTY_ID, WEB_TRAFFIC_DAILY.REPORT_DATE),
            EmailCampaignMetrics.class, new Partition(EMAIL_CAMPAIGN_METRIC_DAILY, EMAIL_CAMPAIGN_METRIC_DAILY.PLATFORM,
                    EMAIL_CAMPAIGN_METRIC_DAILY.ACCOUNT_ID, EMAIL_CAMPAIGN_METRIC_DAILY.REPORT_DATE));

    private DailyPartitions() {
    }

    public static boolean isDaily(Class<? extends WarehouseRecord> kind) {
        return PARTITIONS.containsKey(kind);
    }

    /** Deletes one account's rows of a daily kind for the dates {@code [from, toExclusive)}; returns how many. */
    public static int delete(DSLContext dsl, Class<? extends WarehouseRecord> kind, String platform, String accountId,
                             LocalDate from, LocalDate toExclusive) {
        Partition p = Optional.ofNullable(PARTITIONS.get(kind)).orElseThrow(() -> new IllegalArgumentException(
                kind.getSimpleName() + " is not a daily-metric kind; daily kinds are " + PARTITIONS.keySet().stream()
                        .map(Class::getSimpleName).sorted().toList()));
        if (!toExclusive.isAfter(from)) {
            throw new IllegalArgumentException("an empty or reversed date range: [" + from + ", " + toExclusive + ")");
        }
        return dsl.deleteFrom(p.table())
                .where(p.platform().eq(platform))
                .and(p.account().eq(accountId))
                .and(p.date().ge(from))
                .and(p.date().lt(toExclusive))
                .execute();
    }
}
