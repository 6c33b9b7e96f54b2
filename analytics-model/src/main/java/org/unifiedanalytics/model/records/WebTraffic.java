package org.unifiedanalytics.model.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.Money;

/**
 * A day of website traffic for one source / medium / campaign / landing page. Absent dimensions are
 * stored as {@code (not set)}. {@code users} and {@code newUsers} are not additive across rows or days. Build one
 * with {@link #builder()}.
 *
 * <p>Required: {@code platform}, {@code propertyId}, {@code reportDate}, {@code channelGroup} and {@code fetchedAt}
 * (the builder fills both); metrics are not negative.
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

    /**
     * A builder that names each field; metrics not given stay null.
     *
     * <pre>{@code
     * WebTraffic day = WebTraffic.builder().platform("ga4").propertyId("123456789").reportDate(LocalDate.parse("2026-03-01"))
     *         .source("tiktok").medium("social").landingPage("/mugs").sessions(40L).engagedSessions(20L).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects one row of a day's traffic; {@link #build()} checks it all at once. */
    public static final class Builder {
        private String platform;
        private String propertyId;
        private LocalDate reportDate;
        private String source;
        private String medium;
        private String campaign;
        private String landingPage;
        private ChannelGroup channelGroup;
        private String platformChannelGroup;
        private Long sessions;
        private Long users;
        private Long newUsers;
        private Long pageViews;
        private Long engagedSessions;
        private BigDecimal avgSessionDurationSeconds;
        private BigDecimal bounceRate;
        private Long addToCarts;
        private Long checkouts;
        private Long purchases;
        private Money revenue;
        private BigDecimal keyEvents;
        private Instant fetchedAt;

        private Builder() {
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder propertyId(String propertyId) {
            this.propertyId = propertyId;
            return this;
        }

        /** The date in the property's reporting time zone. */
        public Builder reportDate(LocalDate reportDate) {
            this.reportDate = reportDate;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder medium(String medium) {
            this.medium = medium;
            return this;
        }

        public Builder campaign(String campaign) {
            this.campaign = campaign;
            return this;
        }

        public Builder landingPage(String landingPage) {
            this.landingPage = landingPage;
            return this;
        }

        /** The SDK's channel group; when not given, GA4's default rules derive it from source, medium and campaign. */
        public Builder channelGroup(ChannelGroup channelGroup) {
            this.channelGroup = channelGroup;
            return this;
        }

        public Builder platformChannelGroup(String platformChannelGroup) {
            this.platformChannelGroup = platformChannelGroup;
            return this;
        }

        public Builder sessions(Long sessions) {
            this.sessions = sessions;
            return this;
        }

        public Builder users(Long users) {
            this.users = users;
            return this;
        }

        public Builder newUsers(Long newUsers) {
            this.newUsers = newUsers;
            return this;
        }

        public Builder pageViews(Long pageViews) {
            this.pageViews = pageViews;
            return this;
        }

        public Builder engagedSessions(Long engagedSessions) {
            this.engagedSessions = engagedSessions;
            return this;
        }

        public Builder avgSessionDurationSeconds(BigDecimal avgSessionDurationSeconds) {
            this.avgSessionDurationSeconds = avgSessionDurationSeconds;
            return this;
        }

        public Builder bounceRate(BigDecimal bounceRate) {
            this.bounceRate = bounceRate;
            return this;
        }

        public Builder addToCarts(Long addToCarts) {
            this.addToCarts = addToCarts;
            return this;
        }

        public Builder checkouts(Long checkouts) {
            this.checkouts = checkouts;
            return this;
        }

        public Builder purchases(Long purchases) {
            this.purchases = purchases;
            return this;
        }

        public Builder revenue(Money revenue) {
            this.revenue = revenue;
            return this;
        }

        public Builder keyEvents(BigDecimal keyEvents) {
            this.keyEvents = keyEvents;
            return this;
        }

        /** When the numbers were read; the time of {@link #build()} when not given. */
        public Builder fetchedAt(Instant fetchedAt) {
            this.fetchedAt = fetchedAt;
            return this;
        }

        /**
         * The row.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public WebTraffic build() {
            ChannelGroup group = channelGroup != null ? channelGroup
                    : ChannelClassifier.ga4Default().classify(source, medium, campaign);
            return RecordChecks.requireValid(new WebTraffic(platform, propertyId, reportDate, source, medium, campaign,
                    landingPage, group, platformChannelGroup, sessions, users, newUsers, pageViews, engagedSessions,
                    avgSessionDurationSeconds, bounceRate, addToCarts, checkouts, purchases, revenue, keyEvents,
                    fetchedAt != null ? fetchedAt : Instant.now()));
        }
    }
}
