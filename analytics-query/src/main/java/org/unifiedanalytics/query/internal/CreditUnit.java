package org.unifiedanalytics.query.internal;

import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_UNIT;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.GroupBy;

/**
 * One way of crediting that the warehouse keeps credits for: a model, a grouping, and the settings that change its
 * result (the half-life only for time decay). Its row in {@code attribution_unit} is written with its credits.
 */
record CreditUnit(AttributionModel model, GroupBy groupBy, AttributionSettings settings) {
    /** Between the touch types of a unit's key: the unit separator, which no touch type holds. */
    private static final String SEPARATOR = "\u001f";

    /** The half-life as the unit's key holds it: 0 but for time decay, so other models share one unit across half-lives. */
    long halfLifeNanos() {
        return model == AttributionModel.TIME_DECAY ? settings.halfLife().toNanos() : 0L;
    }

    String touchTypes() {
        return String.join(SEPARATOR, new TreeSet<>(settings.touchTypes()));
    }

    private Condition identifies() {
        var u = ATTRIBUTION_UNIT;
        return u.MODEL.eq(model.name()).and(u.GROUP_BY.eq(groupBy.name()))
                .and(u.LOOKBACK_SECONDS.eq(settings.lookback().getSeconds())).and(u.HALF_LIFE_NANOS.eq(halfLifeNanos()))
                .and(u.MAX_TOUCHES.eq(settings.maxTouches())).and(u.TOUCH_TYPES.eq(touchTypes()));
    }

    /** The unit's id when its credits have been computed. */
    Optional<Long> find(DSLContext dsl) {
        return dsl.select(ATTRIBUTION_UNIT.UNIT_ID).from(ATTRIBUTION_UNIT).where(identifies()).fetchOptional(ATTRIBUTION_UNIT.UNIT_ID);
    }

    /** Records the unit, in the caller's transaction; returns its id. */
    long insert(DSLContext tx, java.time.Instant now) {
        var u = ATTRIBUTION_UNIT;
        return tx.insertInto(u, u.MODEL, u.GROUP_BY, u.LOOKBACK_SECONDS, u.HALF_LIFE_NANOS, u.MAX_TOUCHES, u.TOUCH_TYPES,
                        u.COMPUTED_AT)
                .values(model.name(), groupBy.name(), settings.lookback().getSeconds(), halfLifeNanos(), settings.maxTouches(),
                        touchTypes(), LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .returningResult(u.UNIT_ID).fetchOne().value1();
    }

    /** Every unit whose credits the warehouse holds, with its id. */
    static List<StoredUnit> stored(DSLContext dsl) {
        return dsl.selectFrom(ATTRIBUTION_UNIT).orderBy(ATTRIBUTION_UNIT.UNIT_ID).fetch().map(CreditUnit::fromRow);
    }

    private static StoredUnit fromRow(Record row) {
        var u = ATTRIBUTION_UNIT;
        AttributionModel model = AttributionModel.valueOf(row.get(u.MODEL));
        String types = row.get(u.TOUCH_TYPES);
        Set<String> touchTypes = types.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(types.split(SEPARATOR)));
        long halfLife = row.get(u.HALF_LIFE_NANOS);
        AttributionSettings.Builder settings = AttributionSettings.builder()
                .lookback(Duration.ofSeconds(row.get(u.LOOKBACK_SECONDS))).maxTouches(row.get(u.MAX_TOUCHES))
                .touchTypes(touchTypes);
        if (halfLife > 0) {
            settings.halfLife(Duration.ofNanos(halfLife));
        }
        return new StoredUnit(row.get(u.UNIT_ID), new CreditUnit(model, GroupBy.valueOf(row.get(u.GROUP_BY)), settings.build()));
    }

    /** A unit with its credits in the warehouse. */
    record StoredUnit(long id, CreditUnit unit) {
    }
}
