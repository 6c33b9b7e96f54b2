package org.unifiedanalytics.connector.ga4;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.records.WebUserTotals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Distinct users per day, per ISO week and per month, each asked of GA4 over exactly that period: users are not
 * additive, so a week's users are never the sum of its days. A day's window asks, in one request of up to three
 * date ranges, for the day, and for the week or month that the day completes (a Sunday, a month's last day);
 * re-reading the lookback therefore refreshes recently completed weeks and months too.
 */
final class UserTotalsStream implements DailyStream {
    private static final List<String> METRICS = List.of("totalUsers", "newUsers", "activeUsers");

    private final Ga4Connector connector;
    private final int lookbackDays;

    UserTotalsStream(Ga4Connector connector, int lookbackDays) {
        this.connector = connector;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String name() {
        return "user_totals";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(WebUserTotals.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.upserting(lookbackDays, 1);
    }

    @Override
    public ZoneId reportingZone(String property) {
        return connector.info(property).timeZone();
    }

    @Override
    public Page readDays(String property, DateRange days, Optional<String> pageToken) {
        LocalDate today = LocalDate.now(connector.clock().withZone(reportingZone(property)));
        List<WarehouseRecord> records = new ArrayList<>();
        for (LocalDate day = days.from(); day.isBefore(days.toExclusive()); day = day.plusDays(1)) {
            Map<String, LocalDate[]> periods = new LinkedHashMap<>();
            periods.put("day", new LocalDate[]{day, day});
            boolean complete = day.isBefore(today);
            if (complete && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                periods.put("week", new LocalDate[]{day.minusDays(6), day});
            }
            if (complete && day.equals(day.with(TemporalAdjusters.lastDayOfMonth()))) {
                periods.put("month", new LocalDate[]{day.withDayOfMonth(1), day});
            }
            records.addAll(read(property, periods));
        }
        return Page.last(records);
    }

    private List<WebUserTotals> read(String property, Map<String, LocalDate[]> periods) {
        ObjectNode body = connector.api().newBody();
        ArrayNode ranges = body.putArray("dateRanges");
        periods.forEach((name, period) -> ranges.addObject().put("startDate", period[0].toString())
                .put("endDate", period[1].toString()).put("name", name));
        ArrayNode metrics = body.putArray("metrics");
        METRICS.forEach(m -> metrics.addObject().put("name", m));
        body.put("keepEmptyRows", true);
        Ga4Report report = connector.api().runReport(property, body);
        Instant fetched = connector.clock().instant();
        int rangeColumn = report.dimension("dateRange");
        List<WebUserTotals> totals = new ArrayList<>();
        for (Ga4Report.Row row : report.rows()) {
            String name = rangeColumn >= 0 ? row.dimensionValues().get(rangeColumn) : periods.keySet().iterator().next();
            LocalDate[] period = periods.get(name);
            if (period == null) {
                continue;
            }
            totals.add(new WebUserTotals(Ga4Connector.PLATFORM, property, period[0], period[1],
                    report.count(row, "totalUsers"), report.count(row, "newUsers"), report.count(row, "activeUsers"), fetched));
        }
        return totals;
    }
}
