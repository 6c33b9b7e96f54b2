package org.unifiedanalytics.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.internal.AttributionSql;

/**
 * Multi-touch attribution: which channels, campaigns and contents earned the conversions of a period,
 * under six models, computed set-based in the database (H2 or PostgreSQL, identical results).
 *
 * <pre>{@code
 * AttributionQueries attribution = AttributionQueries.on(warehouse);
 * List<AttributedRevenue> byChannel = attribution.revenue(AttributionModel.POSITION_BASED, GroupBy.CHANNEL,
 *         Period.lastDays(30));
 * Map<AttributionModel, List<AttributedRevenue>> sideBySide = attribution.compare(GroupBy.CHANNEL, Period.lastDays(30),
 *         AttributionSettings.DEFAULTS);
 * }</pre>
 *
 * <p>A conversion is credited from its customer's touches strictly before it and within the lookback
 * window (a touch exactly at the window's start counts); touches at the same instant are ordered by
 * touchpoint id; a conversion with no such touch goes to {@code (direct)}. For each conversion the
 * credits sum to exactly 1 and the revenue shares to exactly its revenue (largest-remainder split in
 * 0.0001 units). Results are per currency: amounts in different currencies are never added.
 *
 * <p>Thread-safe.
 */
public final class AttributionQueries {
    private final AttributionSql sql;

    private AttributionQueries(Warehouse warehouse) {
        this.sql = new AttributionSql(warehouse.dsl(), warehouse.dialect());
    }

    public static AttributionQueries on(Warehouse warehouse) {
        return new AttributionQueries(Objects.requireNonNull(warehouse, "warehouse"));
    }

    /** Attribution of the period's conversions under one model, with the default settings. */
    public List<AttributedRevenue> revenue(AttributionModel model, GroupBy groupBy, Period period) {
        return revenue(model, groupBy, period, AttributionSettings.DEFAULTS);
    }

    /**
     * Attribution of the conversions in {@code period} under one model: one row per currency and group, ordered
     * by currency then group key in code-point order.
     */
    public List<AttributedRevenue> revenue(AttributionModel model, GroupBy groupBy, Period period,
                                           AttributionSettings settings) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(settings, "settings");
        return sql.run(model, groupBy, period, settings).stream()
                .map(r -> new AttributedRevenue(model, r.currency(), r.groupKey(), r.attributedConversions(),
                        r.attributedRevenue()))
                .toList();
    }

    /** Every model side by side for the same conversions, in the specification's model order. */
    public Map<AttributionModel, List<AttributedRevenue>> compare(GroupBy groupBy, Period period, AttributionSettings settings) {
        Map<AttributionModel, List<AttributedRevenue>> all = new EnumMap<>(AttributionModel.class);
        for (AttributionModel model : AttributionModel.values()) {
            all.put(model, revenue(model, groupBy, period, settings));
        }
        return all;
    }
}
