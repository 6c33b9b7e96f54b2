package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.internal.RecordChecks;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;

/**
 * One interaction of a customer with the brand, as attribution reads it. Build one with {@link #builder()},
 * which names every field and checks the record as the warehouse will.
 *
 * <p>Required: {@code sourcePlatform}, {@code externalId}, {@code customerKey}, {@code occurredAt},
 * {@code touchType}, {@code channel} and {@code channelGroup} (the builder derives it from source, medium and
 * campaign when not given). The others may be null.
 *
 * @param sourcePlatform where the touch was recorded; with {@code externalId} its natural key
 * @param customerKey    who touched; a touch without a customer cannot be attributed, so none is stored
 * @param touchType      e.g. {@code video_view}, {@code session}, {@code email_click}, {@code add_to_cart}
 * @param channel        the marketer's channel, lower case: {@code tiktok}, {@code email}, {@code direct}, ...
 * @param channelGroup   GA4's default channel group of the touch
 * @param contentId      the content that made the touch (a TikTok video id), or null
 */
public record Touchpoint(String sourcePlatform, String externalId, CustomerKey customerKey, Instant occurredAt,
                         String touchType, String channel, ChannelGroup channelGroup, String source, String medium,
                         String campaign, String contentId) implements WarehouseRecord {
    @Override
    public String describe() {
        return "Touchpoint[" + sourcePlatform + "/" + externalId + "]";
    }

    /**
     * A builder that names each field.
     *
     * <pre>{@code
     * Touchpoint visit = Touchpoint.builder().sourcePlatform("popup_store").externalId("v01")
     *         .customerKey(CustomerKey.fromEmail("ada@example.com")).occurredAt(Instant.parse("2026-03-01T10:00:00Z"))
     *         .touchType("session").channel("tiktok").source("tiktok").medium("social").build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a touchpoint's fields; {@link #build()} checks them all at once. */
    public static final class Builder {
        private static final ChannelClassifier GA4_DEFAULT = ChannelClassifier.ga4Default();

        private String sourcePlatform;
        private String externalId;
        private CustomerKey customerKey;
        private Instant occurredAt;
        private String touchType;
        private String channel;
        private ChannelGroup channelGroup;
        private String source;
        private String medium;
        private String campaign;
        private String contentId;

        private Builder() {
        }

        public Builder sourcePlatform(String sourcePlatform) {
            this.sourcePlatform = sourcePlatform;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder customerKey(CustomerKey customerKey) {
            this.customerKey = customerKey;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder touchType(String touchType) {
            this.touchType = touchType;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /** GA4's default channel group; when not given, GA4's default rules derive it from source, medium and campaign. */
        public Builder channelGroup(ChannelGroup channelGroup) {
            this.channelGroup = channelGroup;
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

        public Builder contentId(String contentId) {
            this.contentId = contentId;
            return this;
        }

        /**
         * The touchpoint.
         *
         * @throws org.unifiedanalytics.model.InvalidRecordsException naming every field the warehouse would refuse
         */
        public Touchpoint build() {
            ChannelGroup group = channelGroup != null ? channelGroup : GA4_DEFAULT.classify(source, medium, campaign);
            return RecordChecks.requireValid(new Touchpoint(sourcePlatform, externalId, customerKey, occurredAt, touchType,
                    channel, group, source, medium, campaign, contentId));
        }
    }
}
