package org.unifiedanalytics.model.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.Money;

/**
 * A content item's metrics for one reporting date, as lifetime totals or as the day's increase
 * ({@link Counting}). Any metric the platform does not report is null.
 *
 * @param reportDate      the date in the platform's reporting time zone
 * @param completionRate  the share of views watched to the end, 0 to 1
 * @param attributedGmv   shop revenue the platform attributes to the content, or null
 * @param orders          shop orders the platform attributes to the content, or null
 * @param unitsSold       units sold in those orders, or null
 * @param clickThroughRate the share of the content's viewers (or a product's impressions) that clicked a
 *                        product, 0 to 1, or null
 * @param fetchedAt       when the numbers were read
 * @see #builder(String, String, LocalDate, String, Counting, Instant)
 */
public record ContentMetrics(String platform, String contentId, LocalDate reportDate, String accountId,
                             Counting counting, Long views, Long reach, Long likes, Long comments, Long shares,
                             Long saves, Long profileVisits, Long linkClicks, Long productClicks,
                             BigDecimal watchTimeSeconds, BigDecimal completionRate, Long followersGained,
                             Money attributedGmv, Long orders, Long unitsSold,
                             BigDecimal clickThroughRate, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "ContentMetrics[" + platform + "/" + contentId + "@" + reportDate + "]";
    }

    /**
     * A builder that names each metric, for a platform that reports a few of many; the others stay null.
     *
     * <pre>{@code
     * ContentMetrics day = ContentMetrics.builder("tiktok_shop", videoId, date, shopId, Counting.DAILY, Instant.now())
     *         .views(2_000L).productClicks(250L).attributedGmv(Money.of("20.50", "USD")).build();
     * }</pre>
     */
    public static Builder builder(String platform, String contentId, LocalDate reportDate, String accountId, Counting counting,
                                  Instant fetchedAt) {
        return new Builder(platform, contentId, reportDate, accountId, counting, fetchedAt);
    }

    /** Collects the metrics of one content item and date; {@link #build()} makes the record. */
    public static final class Builder {
        private final String platform;
        private final String contentId;
        private final LocalDate reportDate;
        private final String accountId;
        private final Counting counting;
        private final Instant fetchedAt;
        private Long views;
        private Long reach;
        private Long likes;
        private Long comments;
        private Long shares;
        private Long saves;
        private Long profileVisits;
        private Long linkClicks;
        private Long productClicks;
        private BigDecimal watchTimeSeconds;
        private BigDecimal completionRate;
        private Long followersGained;
        private Money attributedGmv;
        private Long orders;
        private Long unitsSold;
        private BigDecimal clickThroughRate;

        private Builder(String platform, String contentId, LocalDate reportDate, String accountId, Counting counting,
                        Instant fetchedAt) {
            this.platform = platform;
            this.contentId = contentId;
            this.reportDate = reportDate;
            this.accountId = accountId;
            this.counting = counting;
            this.fetchedAt = fetchedAt;
        }

        public Builder views(Long views) {
            this.views = views;
            return this;
        }

        public Builder reach(Long reach) {
            this.reach = reach;
            return this;
        }

        public Builder likes(Long likes) {
            this.likes = likes;
            return this;
        }

        public Builder comments(Long comments) {
            this.comments = comments;
            return this;
        }

        public Builder shares(Long shares) {
            this.shares = shares;
            return this;
        }

        public Builder saves(Long saves) {
            this.saves = saves;
            return this;
        }

        public Builder profileVisits(Long profileVisits) {
            this.profileVisits = profileVisits;
            return this;
        }

        public Builder linkClicks(Long linkClicks) {
            this.linkClicks = linkClicks;
            return this;
        }

        public Builder productClicks(Long productClicks) {
            this.productClicks = productClicks;
            return this;
        }

        public Builder watchTimeSeconds(BigDecimal watchTimeSeconds) {
            this.watchTimeSeconds = watchTimeSeconds;
            return this;
        }

        public Builder completionRate(BigDecimal completionRate) {
            this.completionRate = completionRate;
            return this;
        }

        public Builder followersGained(Long followersGained) {
            this.followersGained = followersGained;
            return this;
        }

        public Builder attributedGmv(Money attributedGmv) {
            this.attributedGmv = attributedGmv;
            return this;
        }

        public Builder orders(Long orders) {
            this.orders = orders;
            return this;
        }

        public Builder unitsSold(Long unitsSold) {
            this.unitsSold = unitsSold;
            return this;
        }

        public Builder clickThroughRate(BigDecimal clickThroughRate) {
            this.clickThroughRate = clickThroughRate;
            return this;
        }

        /**
         * The metrics.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public ContentMetrics build() {
            return RecordChecks.requireValid(new ContentMetrics(platform, contentId, reportDate, accountId, counting, views,
                    reach, likes, comments, shares, saves, profileVisits, linkClicks, productClicks, watchTimeSeconds,
                    completionRate, followersGained, attributedGmv, orders, unitsSold, clickThroughRate, fetchedAt));
        }
    }
}
