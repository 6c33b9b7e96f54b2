package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.Money;

/**
 * An email campaign's metrics for one reporting date, as lifetime totals or the day's increase. Any metric the
 * platform does not report is null. Build one with {@link #builder()}.
 *
 * <p>Required: {@code platform}, {@code campaignId}, {@code reportDate}, {@code accountId}, {@code counting} and
 * {@code fetchedAt} (the builder fills it); metrics are not negative.
 */
public record EmailCampaignMetrics(String platform, String campaignId, LocalDate reportDate, String accountId,
                                   Counting counting, Long recipients, Long delivered, Long opens, Long uniqueOpens,
                                   Long clicks, Long uniqueClicks, Long conversions, Money conversionValue,
                                   Long unsubscribes, Long bounces, Long spamComplaints, Instant fetchedAt)
        implements WarehouseRecord {
    @Override
    public String describe() {
        return "EmailCampaignMetrics[" + platform + "/" + campaignId + "@" + reportDate + "]";
    }

    /**
     * A builder that names each metric; the others stay null.
     *
     * <pre>{@code
     * EmailCampaignMetrics sent = EmailCampaignMetrics.builder().platform("klaviyo").campaignId("01J...")
     *         .reportDate(LocalDate.parse("2026-03-01")).accountId("acme").counting(Counting.LIFETIME)
     *         .recipients(1_000L).delivered(990L).uniqueOpens(310L).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects one campaign's metrics of one date; {@link #build()} checks them all at once. */
    public static final class Builder {
        private String platform;
        private String campaignId;
        private LocalDate reportDate;
        private String accountId;
        private Counting counting;
        private Long recipients;
        private Long delivered;
        private Long opens;
        private Long uniqueOpens;
        private Long clicks;
        private Long uniqueClicks;
        private Long conversions;
        private Money conversionValue;
        private Long unsubscribes;
        private Long bounces;
        private Long spamComplaints;
        private Instant fetchedAt;

        private Builder() {
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder campaignId(String campaignId) {
            this.campaignId = campaignId;
            return this;
        }

        /** The date in the platform's reporting time zone. */
        public Builder reportDate(LocalDate reportDate) {
            this.reportDate = reportDate;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Whether the numbers are lifetime totals or the day's increase. */
        public Builder counting(Counting counting) {
            this.counting = counting;
            return this;
        }

        public Builder recipients(Long recipients) {
            this.recipients = recipients;
            return this;
        }

        public Builder delivered(Long delivered) {
            this.delivered = delivered;
            return this;
        }

        public Builder opens(Long opens) {
            this.opens = opens;
            return this;
        }

        public Builder uniqueOpens(Long uniqueOpens) {
            this.uniqueOpens = uniqueOpens;
            return this;
        }

        public Builder clicks(Long clicks) {
            this.clicks = clicks;
            return this;
        }

        public Builder uniqueClicks(Long uniqueClicks) {
            this.uniqueClicks = uniqueClicks;
            return this;
        }

        public Builder conversions(Long conversions) {
            this.conversions = conversions;
            return this;
        }

        public Builder conversionValue(Money conversionValue) {
            this.conversionValue = conversionValue;
            return this;
        }

        public Builder unsubscribes(Long unsubscribes) {
            this.unsubscribes = unsubscribes;
            return this;
        }

        public Builder bounces(Long bounces) {
            this.bounces = bounces;
            return this;
        }

        public Builder spamComplaints(Long spamComplaints) {
            this.spamComplaints = spamComplaints;
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
        public EmailCampaignMetrics build() {
            return RecordChecks.requireValid(new EmailCampaignMetrics(platform, campaignId, reportDate, accountId, counting,
                    recipients, delivered, opens, uniqueOpens, clicks, uniqueClicks, conversions, conversionValue,
                    unsubscribes, bounces, spamComplaints, fetchedAt != null ? fetchedAt : Instant.now()));
        }
    }
}
