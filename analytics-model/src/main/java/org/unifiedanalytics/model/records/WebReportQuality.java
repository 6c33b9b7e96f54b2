package org.unifiedanalytics.model.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/**
 * What a web-analytics platform said about one report of one property for one reporting date, beside its
 * numbers: the zone the date is in, the currency of its money, and whether the numbers are incomplete.
 *
 * @param report                the report these flags describe, e.g. {@code traffic}
 * @param timeZone              the property's reporting zone; the date is a day in it
 * @param currency              the currency of the report's money, or null
 * @param dataLossFromOtherRow  rows were rolled into an {@code (other)} row (too many distinct values)
 * @param subjectToThresholding rows below privacy thresholds were withheld
 * @param sampled               the numbers were computed from a sample
 * @param samplesReadCount      events read for the sample, when sampled
 * @param samplingSpaceSize     events the sample was drawn from, when sampled
 */
public record WebReportQuality(String platform, String propertyId, LocalDate reportDate, String report, ZoneId timeZone,
                               Currency currency, boolean dataLossFromOtherRow, boolean subjectToThresholding,
                               boolean sampled, Long samplesReadCount, Long samplingSpaceSize, Instant fetchedAt)
        implements WarehouseRecord {

    /** Whether any number of the report may be incomplete. */
    public boolean incomplete() {
        return dataLossFromOtherRow || subjectToThresholding || sampled;
    }

    @Override
    public String describe() {
        return "WebReportQuality[" + platform + "/" + propertyId + "@" + reportDate + " " + report + "]";
    }
}
