package org.unifiedanalytics.query.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_INCREASE;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.unifiedanalytics.query.Period;

/** Views and engagements per content item over a period's reporting dates, with its title. */
public final class ContentReach {
    private final DSLContext dsl;

    public ContentReach(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Reach(Optional<String> title, long views, long engagements) {
    }

    public Map<String, Reach> reach(Period period) {
        var m = CONTENT_METRIC_INCREASE;
        LocalDate from = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(period.to(), ZoneOffset.UTC);
        Map<String, Reach> reach = new LinkedHashMap<>();
        dsl.select(m.CONTENT_ID, CONTENT.TITLE, sum(coalesce(m.VIEWS, 0L)),
                        sum(coalesce(m.LIKES, 0L).plus(coalesce(m.COMMENTS, 0L)).plus(coalesce(m.SHARES, 0L)).plus(coalesce(m.SAVES, 0L))))
                .from(m).leftJoin(CONTENT).on(CONTENT.PLATFORM.eq(m.PLATFORM), CONTENT.CONTENT_ID.eq(m.CONTENT_ID))
                .where(m.REPORT_DATE.ge(from), m.REPORT_DATE.lt(to))
                .groupBy(m.CONTENT_ID, CONTENT.TITLE)
                .forEach(r -> reach.put(r.value1(), new Reach(Optional.ofNullable(r.value2()),
                        r.value3() == null ? 0 : r.value3().longValue(), r.value4() == null ? 0 : r.value4().longValue())));
        return reach;
    }
}
