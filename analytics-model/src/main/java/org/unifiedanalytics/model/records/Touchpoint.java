package org.unifiedanalytics.model.records;

import java.time.Instant;

import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;

/**
 * One interaction of a customer with the brand, as attribution reads it.
 *
 * @param sourcePlatform where the touch was recorded; with {@code externalId} its natural key
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
}
