package org.unifiedanalytics.query.internal;

import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_MAINTENANCE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.model.WarehouseTransaction;
import org.unifiedanalytics.model.internal.AttributionInputGate;
import org.unifiedanalytics.model.internal.LockErrors;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionRefresh;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/**
 * Attribution answered from credits kept in the warehouse: a unit's credits are computed on its first query (or by
 * {@link #refresh}), then kept current from the writers' change markers, which every query applies first. Computing
 * and refreshing take turns under one row lock, so processes sharing a warehouse never compute the same credits
 * twice at once, and start only when no transaction is writing touchpoints or conversions; a query that cannot get
 * either soon answers from live SQL instead, never from stale credits.
 */
public final class MaintainedCredits {
    /** How long a query waits on PostgreSQL for another process's refresh before answering live. */
    private static final Duration QUERY_LOCK_WAIT = Duration.ofSeconds(10);

    private final Warehouse warehouse;
    private final AttributionSql sql;
    private final CreditRollup rollup;
    private final CreditRefresh refresh;
    private final Clock clock;
    private final AttributionInputGate gate;

    public MaintainedCredits(Warehouse warehouse, AttributionSql sql, Clock clock) {
        this.warehouse = warehouse;
        this.sql = sql;
        this.rollup = new CreditRollup(warehouse.dialect());
        this.refresh = new CreditRefresh(sql, rollup);
        this.clock = clock;
        this.gate = AttributionInputGate.of(warehouse);
    }

    /**
     * The unit's totals for the period from its maintained credits, computing them first if need be and applying
     * pending changes; empty when another process holds the maintenance lock for too long.
     */
    public Optional<List<AttributedRevenue>> revenue(AttributionModel model, GroupBy groupBy, Period period,
                                                     AttributionSettings settings) {
        CreditUnit unit = new CreditUnit(model, groupBy, settings);
        DSLContext dsl = warehouse.dsl();
        Optional<Long> id = unit.find(dsl);
        if (id.isEmpty() || dsl.fetchExists(ATTRIBUTION_CHANGE)) {
            try {
                id = Optional.of(warehouse.inTransaction(tx -> {
                    lock(tx, true);
                    long unitId = ensure(tx.dsl(), unit).id();
                    refresh.apply(tx.dsl(), CreditUnit.stored(tx.dsl()));
                    return unitId;
                }));
            } catch (RuntimeException e) {
                // the maintenance lock or the writers' gate not granted in time
                if (!LockErrors.isLockNotGranted(e)) {
                    throw e;
                }
                return Optional.empty();
            }
        }
        return Optional.of(rollup.totals(dsl, id.get(), period));
    }

    /** Computes every missing unit of these settings and groupings and applies every pending change. */
    public AttributionRefresh refresh(Set<AttributionSettings> maintained, Set<GroupBy> groupings) {
        long started = System.nanoTime();
        return warehouse.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            lock(tx, false);
            int computed = 0;
            for (AttributionSettings settings : maintained) {
                for (AttributionModel model : AttributionModel.values()) {
                    for (GroupBy groupBy : groupings) {
                        if (ensure(dsl, new CreditUnit(model, groupBy, settings)).computed()) {
                            computed++;
                        }
                    }
                }
            }
            long recomputed = refresh.apply(dsl, CreditUnit.stored(dsl));
            return new AttributionRefresh(computed, recomputed, Duration.ofNanos(System.nanoTime() - started));
        });
    }

    private record Ensured(long id, boolean computed) {
    }

    /** The unit's id, computing its credits and rollup first when the warehouse has none. */
    private Ensured ensure(DSLContext tx, CreditUnit unit) {
        Optional<Long> existing = unit.find(tx);
        if (existing.isPresent()) {
            return new Ensured(existing.get(), false);
        }
        long id = unit.insert(tx, clock.instant());
        sql.storeAll(tx, id, unit.model(), unit.groupBy(), unit.settings());
        rollup.build(tx, id);
        return new Ensured(id, true);
    }

    /**
     * Takes the maintenance lock, then waits until no transaction is writing touchpoints or conversions and keeps
     * new ones waiting until this one ends ({@link AttributionInputGate}): a query waits a bounded time for each.
     */
    private void lock(WarehouseTransaction tx, boolean bounded) {
        DSLContext dsl = tx.dsl();
        if (bounded && warehouse.dialect() == WarehouseDialect.POSTGRES) {
            dsl.execute("SET LOCAL lock_timeout = '" + QUERY_LOCK_WAIT.toMillis() + "ms'");
        }
        dsl.selectFrom(ATTRIBUTION_MAINTENANCE).where(ATTRIBUTION_MAINTENANCE.MAINTENANCE_ID.eq(1)).forUpdate().fetch();
        gate.enterAlone(tx.connection(), bounded ? Optional.of(QUERY_LOCK_WAIT) : Optional.empty());
        dsl.update(ATTRIBUTION_MAINTENANCE).set(ATTRIBUTION_MAINTENANCE.REFRESHED_AT, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .where(ATTRIBUTION_MAINTENANCE.MAINTENANCE_ID.eq(1)).execute();
    }
}
