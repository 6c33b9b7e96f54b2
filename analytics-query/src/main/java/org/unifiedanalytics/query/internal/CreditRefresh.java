package org.unifiedanalytics.query.internal;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CREDIT;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_WORK_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_WORK_CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;

import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.internal.AttributionChangeLog;

/**
 * Applies the change markers that writers left to every stored unit, set-based, in the caller's transaction (which
 * holds the maintenance lock): the conversions whose credits can have changed (a marked customer's, from the marked
 * instant on) lose their credits and get them computed again, and the rollup takes the difference.
 *
 * <p>It applies the markers it sees when it starts and deletes exactly those: a writer that commits meanwhile keeps
 * its markers for the next refresh, which recomputes its customers again (recomputing is idempotent).
 */
final class CreditRefresh {
    private final AttributionSql sql;
    private final CreditRollup rollup;

    CreditRefresh(AttributionSql sql, CreditRollup rollup) {
        this.sql = sql;
        this.rollup = rollup;
    }

    /** Returns how many conversions were recomputed. */
    long apply(DSLContext tx, List<CreditUnit.StoredUnit> units) {
        var w = ATTRIBUTION_WORK_CHANGE;
        var changes = ATTRIBUTION_CHANGE;
        int markers = tx.insertInto(w, w.CHANGE_ID, w.CUSTOMER_KEY, w.CHANGED_FROM)
                .select(select(changes.CHANGE_ID, changes.CUSTOMER_KEY, changes.CHANGED_FROM).from(changes))
                .execute();
        if (markers == 0) {
            return 0;
        }
        long recomputed = 0;
        if (!units.isEmpty()) {
            recomputed = selectConversions(tx);
            rollup.recordDelta(tx, -1);
            tx.deleteFrom(ATTRIBUTION_CREDIT).where(ATTRIBUTION_CREDIT.CONVERSION_ID.in(
                    select(ATTRIBUTION_WORK_CONVERSION.CONVERSION_ID).from(ATTRIBUTION_WORK_CONVERSION))).execute();
            for (CreditUnit.StoredUnit stored : units) {
                CreditUnit unit = stored.unit();
                sql.storeRecomputed(tx, stored.id(), unit.model(), unit.groupBy(), unit.settings());
            }
            rollup.recordDelta(tx, 1);
            rollup.applyDeltas(tx);
            tx.deleteFrom(ATTRIBUTION_WORK_CONVERSION).execute();
        }
        // within the applied range, probed one by one: H2 takes seconds for a DELETE ... IN (SELECT ...) of a thousand
        var range = tx.select(DSL.min(w.CHANGE_ID), DSL.max(w.CHANGE_ID)).from(w).fetchOne();
        tx.deleteFrom(changes).where(changes.CHANGE_ID.between(range.value1(), range.value2()),
                DSL.exists(DSL.selectOne().from(w).where(w.CHANGE_ID.eq(changes.CHANGE_ID)))).execute();
        tx.deleteFrom(w).execute();
        return recomputed;
    }

    /** The conversions of the marked customers from their earliest marked instant on, and of guests likewise. */
    private static int selectConversions(DSLContext tx) {
        var w = ATTRIBUTION_WORK_CHANGE;
        var c = CONVERSION;
        var guestsFrom = select(min(w.CHANGED_FROM)).from(w).where(w.CUSTOMER_KEY.eq(inline(AttributionChangeLog.WITHOUT_CUSTOMER)));
        var wc = ATTRIBUTION_WORK_CONVERSION;
        // driven by the markers, each looked up in the conversions' customer-time index
        return tx.insertInto(wc, wc.CONVERSION_ID)
                .select(selectDistinct(c.CONVERSION_ID).from(w)
                        .join(c).on(c.CUSTOMER_KEY.eq(w.CUSTOMER_KEY), c.OCCURRED_AT.ge(w.CHANGED_FROM))
                        .union(select(c.CONVERSION_ID).from(c)
                                .where(c.CUSTOMER_KEY.isNull(), c.OCCURRED_AT.ge(guestsFrom.asField()))))
                .execute();
    }
}
