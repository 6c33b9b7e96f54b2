package org.unifiedanalytics.model.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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
}
