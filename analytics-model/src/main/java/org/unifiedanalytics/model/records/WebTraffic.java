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
 * @param channelGroup         the SDK's channel group of the source / medium / campaign
 * @param platformChannelGroup the platform's own channel label (GA4's {@code sessionDefaultChannelGroup}), or null
 * @param users                users of this row on this day; not additive (see {@link WebUserTotals} for periods)
 * @param bounceRate           the share of sessions that were not engaged, 0 to 1
 * @param revenue              purchase revenue, or null when none is tracked
 * @param keyEvents            key events (formerly "conversions"), or null
 */
public record WebTraffic(String platform, String propertyId, LocalDate reportDate, String source, String medium,
                         String campaign, String landingPage, ChannelGroup channelGroup, String platformChannelGroup,
                         Long sessions, Long users, Long newUsers, Long pageViews, Long engagedSessions,
                         BigDecimal avgSessionDurationSeconds, BigDecimal bounceRate, Long addToCarts, Long checkouts,
                         Long purchases, Money revenue, BigDecimal keyEvents, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "WebTraffic[" + platform + "/" + propertyId + "@" + reportDate + " " + source + "/" + medium + "/"
                + campaign + " " + landingPage + "]";
    }
}
