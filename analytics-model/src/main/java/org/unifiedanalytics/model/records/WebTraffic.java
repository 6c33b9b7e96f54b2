package org.unifiedanalytics.model.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.Money;

/**
 * A day of website traffic for one source / medium / campaign / landing page. Absent dimensions are
 * stored as {@code (not set)}. {@code users} and {@code newUsers} are not additive across rows or days.
 *
 * @param bounceRate the share of sessions that were not engaged, 0 to 1
 * @param revenue    purchase revenue, or null when none is tracked
 */
public record WebTraffic(String platform, String propertyId, LocalDate reportDate, String source, String medium,
                         String campaign, String landingPage, ChannelGroup channelGroup, Long sessions, Long users,
                         Long newUsers, Long pageViews, Long engagedSessions, BigDecimal avgSessionDurationSeconds,
                         BigDecimal bounceRate, Long addToCarts, Long checkouts, Long purchases, Money revenue,
                         Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "WebTraffic[" + platform + "/" + propertyId + "@" + reportDate + " " + source + "/" + medium + "/"
                + campaign + " " + landingPage + "]";
    }
}
