package org.unifiedanalytics.model.records;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A piece of content a platform measures: a video, a photo post, a reel, a short.
 *
 * @param contentId the platform's id, kept as text (TikTok item ids overflow a JavaScript number)
 * @param kind      e.g. {@code video}, {@code photo}, {@code carousel}
 */
public record Content(String platform, String contentId, String accountId, String kind, String title, String url,
                      Instant publishedAt, BigDecimal durationSeconds, Instant updatedAt) implements WarehouseRecord {
    @Override
    public String describe() {
        return "Content[" + platform + "/" + contentId + "]";
    }
}
