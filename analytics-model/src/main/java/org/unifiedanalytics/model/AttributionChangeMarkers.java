package org.unifiedanalytics.model;

import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_MAINTENANCE;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_UNIT;

import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.unifiedanalytics.model.internal.LockErrors;

/**
 * The change markers that writes of touchpoints and conversions leave for attribution's maintained credits
 * ({@link AttributionInputChange}). Attribution deletes them as it applies them; while the warehouse keeps no credits
 * at all (nobody has queried attribution yet), nothing would, so the runtime discards them after each sync.
 *
 * <pre>{@code
 * int discarded = AttributionChangeMarkers.on(warehouse).discardIfNoCreditsKept();
 * }</pre>
 */
public final class AttributionChangeMarkers {
    private final Warehouse warehouse;

    private AttributionChangeMarkers(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public static AttributionChangeMarkers on(Warehouse warehouse) {
        return new AttributionChangeMarkers(Objects.requireNonNull(warehouse, "warehouse"));
    }

    /** The markers not yet applied. */
    public int pending() {
        return warehouse.dsl().fetchCount(ATTRIBUTION_CHANGE);
    }

    /**
     * Deletes every committed marker when the warehouse keeps no credits; returns how many. Under attribution's
     * maintenance lock, so that credits computed meanwhile never miss a change; when someone holds that lock, it
     * leaves the markers and returns 0 at once.
     */
    public int discardIfNoCreditsKept() {
        try {
            return warehouse.inTransaction(tx -> {
                DSLContext dsl = tx.dsl();
                dsl.selectFrom(ATTRIBUTION_MAINTENANCE).where(ATTRIBUTION_MAINTENANCE.MAINTENANCE_ID.eq(1)).forUpdate().noWait()
                        .fetch();
                if (dsl.fetchExists(ATTRIBUTION_UNIT)) {
                    return 0;
                }
                return dsl.deleteFrom(ATTRIBUTION_CHANGE).execute();
            });
        } catch (DataAccessException e) {
            if (!LockErrors.isLockNotGranted(e)) {
                throw e;
            }
            // the lock is taken: attribution is computing or refreshing, and will apply the markers itself
            return 0;
        }
    }
}
