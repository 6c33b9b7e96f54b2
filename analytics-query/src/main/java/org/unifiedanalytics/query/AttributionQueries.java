package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.internal.AttributionSql;
import org.unifiedanalytics.query.internal.ContentReach;
import org.unifiedanalytics.query.internal.MaintainedCredits;

/**
 * Multi-touch attribution: which channels, campaigns and contents earned the conversions of a period,
 * under six models, computed set-based in the database (H2 or PostgreSQL, identical results).
 *
 * <pre>{@code
 * AttributionQueries attribution = AttributionQueries.on(warehouse);
 * List<AttributedRevenue> byChannel = attribution.revenue(AttributionModel.POSITION_BASED, GroupBy.CHANNEL,
 *         Period.lastDays(30));
 * Map<AttributionModel, List<AttributedRevenue>> sideBySide = attribution.compare(GroupBy.CHANNEL, Period.lastDays(30));
 * }</pre>
 *
 * <p>A conversion is credited from its customer's touches strictly before it and within the lookback
 * window (a touch exactly at the window's start counts); touches at the same instant are ordered by
 * touchpoint id; a conversion with no such touch goes to {@code (direct)}. For each conversion the
 * credits sum to exactly {@code 1.000000} and the revenue shares to exactly its revenue (both split by the
 * largest-remainder method, in millionths and in 0.0001 units: see {@link Scales}). Results are per currency:
 * amounts in different currencies are never added.
 *
 * <p><b>Maintained credits.</b> For the default settings, and any the host adds with {@link #alsoMaintaining}, the
 * warehouse keeps each conversion's credits and their sums by day: the first query of a model and grouping computes
 * them (as long as a live query), later ones sum a small rollup. Every write of touchpoints or conversions through
 * the warehouse leaves a change marker, and a query first recomputes, in the database, just the conversions whose
 * credits those changes can touch: the answer always equals the live SQL's, to the unit. Other settings are answered
 * live. {@link #refresh()} does the work ahead of time, e.g. after a sync.
 *
 * <pre>{@code
 * AttributionQueries attribution = AttributionQueries.on(warehouse).alsoMaintaining(fourteenDays);
 * attribution.refresh();   // optional: computes every model and grouping now instead of on first use
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AttributionQueries {
    private final Warehouse warehouse;
    private final AttributionSql sql;
    private final ContentReach contentReach;
    private final MaintainedCredits credits;
    private final Set<AttributionSettings> maintained;

    private AttributionQueries(Warehouse warehouse, Set<AttributionSettings> maintained) {
        this.warehouse = warehouse;
        this.sql = new AttributionSql(warehouse.dsl(), warehouse.dialect());
        this.contentReach = new ContentReach(warehouse.dsl());
        this.credits = new MaintainedCredits(warehouse, sql, Clock.systemUTC());
        this.maintained = Set.copyOf(maintained);
    }

    /** Attribution on the warehouse, with the credits of the default settings maintained. */
    public static AttributionQueries on(Warehouse warehouse) {
        return new AttributionQueries(Objects.requireNonNull(warehouse, "warehouse"), Set.of(AttributionSettings.DEFAULTS));
    }

    /**
     * Attribution that always runs the live SQL and keeps nothing: for a read-only connection, or to compare.
     */
    public static AttributionQueries live(Warehouse warehouse) {
        return new AttributionQueries(Objects.requireNonNull(warehouse, "warehouse"), Set.of());
    }

    /** The same queries, with the credits of these settings maintained too. */
    public AttributionQueries alsoMaintaining(AttributionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Set<AttributionSettings> more = new HashSet<>(maintained);
        more.add(settings);
        return new AttributionQueries(warehouse, more);
    }

    /** The settings whose credits these queries maintain. */
    public Set<AttributionSettings> maintained() {
        return maintained;
    }

    /**
     * Computes the credits of every model and grouping of the maintained settings that the warehouse lacks, and
     * applies every change written since the last query or refresh. Queries do this on demand; calling it after a
     * sync moves the cost out of the next query.
     */
    public AttributionRefresh refresh() {
        return credits.refresh(maintained, EnumSet.allOf(GroupBy.class));
    }

    /**
     * As {@link #refresh()}, computing only the missing credits of these groupings (every model of the maintained
     * settings): the views a host shows first, without the cost of the others. Pending changes are applied to every
     * unit the warehouse keeps.
     *
     * <pre>{@code
     * AttributionQueries.on(warehouse).refresh(GroupBy.CHANNEL);   // six models by channel answer at once from now on
     * }</pre>
     */
    public AttributionRefresh refresh(GroupBy first, GroupBy... more) {
        return credits.refresh(maintained, EnumSet.of(Objects.requireNonNull(first, "first"), more));
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
        List<AttributedRevenue> rows = maintained.contains(settings)
                ? credits.revenue(model, groupBy, period, settings).orElseGet(() -> sql.run(model, groupBy, period, settings))
                : sql.run(model, groupBy, period, settings);
        return rows.stream()
                .map(r -> new AttributedRevenue(model, r.currency(), r.groupKey(), r.attributedConversions(),
                        r.attributedRevenue()))
                .toList();
    }

    /**
     * Content-level ROI: for each content item with views in the period or revenue credited to it, its views
     * and engagements (the daily increase of its metrics) next to its attributed conversions and revenue under
     * the model, one row per currency credited. Ordered by attributed revenue, highest first.
     */
    public List<ContentRoi> contentRoi(AttributionModel model, Period period) {
        return contentRoi(model, period, AttributionSettings.DEFAULTS);
    }

    /** Content-level ROI under the model with the given settings; see {@link #contentRoi(AttributionModel, Period)}. */
    public List<ContentRoi> contentRoi(AttributionModel model, Period period, AttributionSettings settings) {
        List<AttributedRevenue> credited = revenue(model, GroupBy.CONTENT, period, settings);
        Map<String, ContentReach.Reach> reach = contentReach.reach(period);
        List<ContentRoi> rows = new ArrayList<>();
        Set<String> withRevenue = new HashSet<>();
        for (AttributedRevenue row : credited) {
            if (row.groupKey().equals("(none)") || row.groupKey().equals("(direct)")) {
                continue;
            }
            withRevenue.add(row.groupKey());
            var r = reach.get(row.groupKey());
            rows.add(new ContentRoi(row.groupKey(), r == null ? Optional.empty() : r.title(), r == null ? 0 : r.views(),
                    r == null ? 0 : r.engagements(), Optional.of(row.currency()), row.attributedConversions(),
                    row.attributedRevenue()));
        }
        reach.forEach((id, r) -> {
            if (!withRevenue.contains(id)) {
                rows.add(new ContentRoi(id, r.title(), r.views(), r.engagements(), Optional.empty(),
                        BigDecimal.ZERO.setScale(Scales.CONVERSIONS), BigDecimal.ZERO.setScale(Scales.MONEY)));
            }
        });
        rows.sort(Comparator.comparing(ContentRoi::attributedRevenue).reversed()
                .thenComparing(Comparator.comparingLong(ContentRoi::views).reversed())
                .thenComparing(ContentRoi::contentId));
        return rows;
    }

    /** Every model side by side for the same conversions, with the default settings. */
    public Map<AttributionModel, List<AttributedRevenue>> compare(GroupBy groupBy, Period period) {
        return compare(groupBy, period, AttributionSettings.DEFAULTS);
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
