package org.unifiedanalytics.examples.dashboard;

import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.impl.DSL;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.ChannelKpiQueries;
import org.unifiedanalytics.query.FunnelDefinition;
import org.unifiedanalytics.query.FunnelQueries;
import org.unifiedanalytics.query.FunnelSource;
import org.unifiedanalytics.query.Granularity;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/** Everything the dashboard shows for a date range, from the query module. */
final class DashboardData {
    private final Warehouse warehouse;
    private final Ingestion ingestion;

    DashboardData(Warehouse warehouse, Ingestion ingestion) {
        this.warehouse = warehouse;
        this.ingestion = ingestion;
    }

    Map<String, Object> all(LocalDate from, LocalDate to, Optional<String> channel) {
        LocalDate[] range = defaultRange();
        LocalDate start = from != null ? from : range[0];
        LocalDate end = to != null ? to : range[1];
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("'to' must be after 'from'");
        }
        Period period = Period.days(start, end);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", start);
        out.put("to", end);
        out.put("dataFrom", range[0]);
        out.put("dataTo", range[1]);
        out.put("kpis", ChannelKpiQueries.on(warehouse).kpis(period, end.toEpochDay() - start.toEpochDay() > 45
                ? Granularity.WEEK : Granularity.DAY));
        out.put("funnel", FunnelQueries.on(warehouse).marketingFunnel(period, Optional.empty(), FunnelDefinition.DEFAULT,
                FunnelSource.DAILY_METRICS));
        if (channel.isPresent()) {
            out.put("channelFunnel", FunnelQueries.on(warehouse).marketingFunnel(period, channel, FunnelDefinition.DEFAULT,
                    FunnelSource.TOUCHPOINTS));
        }
        out.put("attribution", AttributionQueries.on(warehouse).compare(GroupBy.CHANNEL, period, AttributionSettings.DEFAULTS));
        List<Object> content = new ArrayList<>(AttributionQueries.on(warehouse)
                .contentRoi(org.unifiedanalytics.query.AttributionModel.LINEAR, period, AttributionSettings.DEFAULTS)
                .stream().limit(15).toList());
        out.put("content", content);
        out.put("freshness", ingestion.status());
        warehouse.sizeOnDisk().ifPresent(bytes -> out.put("warehouseBytes", bytes));
        Map<String, String> nextRuns = new java.util.TreeMap<>();
        org.unifiedanalytics.scheduler.RefreshScheduler.nextRuns(warehouse).forEach((instance, next) ->
                nextRuns.put(instance, next.map(Object::toString).orElse("waiting for re-authorization")));
        out.put("nextRuns", nextRuns);
        return out;
    }

    /** The range the data covers: from the first conversion or metric to the day after the last. */
    private LocalDate[] defaultRange() {
        var r = warehouse.dsl().select(DSL.min(CONVERSION.OCCURRED_AT), DSL.max(CONVERSION.OCCURRED_AT)).from(CONVERSION).fetchOne();
        var m = warehouse.dsl().select(DSL.min(CONTENT_METRIC_DAILY.REPORT_DATE), DSL.max(CONTENT_METRIC_DAILY.REPORT_DATE))
                .from(CONTENT_METRIC_DAILY).fetchOne();
        LocalDate first = earliest(r.value1() == null ? null : r.value1().toLocalDate(), m.value1());
        LocalDate last = latest(r.value2() == null ? null : r.value2().toLocalDate(), m.value2());
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return new LocalDate[]{first == null ? today.minusDays(30) : first, (last == null ? today : last).plusDays(1)};
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
