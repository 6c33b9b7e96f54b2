package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.internal.RecordChecks;

/**
 * An account's metrics for one reporting date, as the day's own values; {@code followers} is the
 * follower count at the end of the day. Any metric the platform does not report is null. Build one with
 * {@link #builder()}.
 *
 * <p>Required: {@code platform}, {@code accountId}, {@code reportDate} and {@code fetchedAt} (the builder
 * fills it); metrics are not negative.
 */
public record AccountMetrics(String platform, String accountId, LocalDate reportDate, Long followers,
                             Long followersGained, Long followersLost, Long profileViews, Long videoViews,
                             Long likes, Long comments, Long shares, Instant fetchedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "AccountMetrics[" + platform + "/" + accountId + "@" + reportDate + "]";
    }

    /**
     * A builder that names each metric, for a platform that reports a few of them; the others stay null.
     *
     * <pre>{@code
     * AccountMetrics day = AccountMetrics.builder().platform("tiktok").accountId("brand")
     *         .reportDate(LocalDate.parse("2026-03-01")).followers(12_400L).profileViews(830L).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects one account's metrics of one date; {@link #build()} checks them all at once. */
    public static final class Builder {
        private String platform;
        private String accountId;
        private LocalDate reportDate;
        private Long followers;
        private Long followersGained;
        private Long followersLost;
        private Long profileViews;
        private Long videoViews;
        private Long likes;
        private Long comments;
        private Long shares;
        private Instant fetchedAt;

        private Builder() {
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The date in the platform's reporting time zone. */
        public Builder reportDate(LocalDate reportDate) {
            this.reportDate = reportDate;
            return this;
        }

        /** The follower count at the end of the day. */
        public Builder followers(Long followers) {
            this.followers = followers;
            return this;
        }

        public Builder followersGained(Long followersGained) {
            this.followersGained = followersGained;
            return this;
        }

        public Builder followersLost(Long followersLost) {
            this.followersLost = followersLost;
            return this;
        }

        public Builder profileViews(Long profileViews) {
            this.profileViews = profileViews;
            return this;
        }

        public Builder videoViews(Long videoViews) {
            this.videoViews = videoViews;
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

        /** When the numbers were read; the time of {@link #build()} when not given. */
        public Builder fetchedAt(Instant fetchedAt) {
            this.fetchedAt = fetchedAt;
            return this;
        }

        /**
         * The metrics.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public AccountMetrics build() {
            return RecordChecks.requireValid(new AccountMetrics(platform, accountId, reportDate, followers, followersGained,
                    followersLost, profileViews, videoViews, likes, comments, shares,
                    fetchedAt != null ? fetchedAt : Instant.now()));
        }
    }
}
