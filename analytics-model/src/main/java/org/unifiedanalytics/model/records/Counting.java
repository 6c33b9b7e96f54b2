package org.unifiedanalytics.model.records;

/** How a platform counts a metric reported for a date. */
public enum Counting {
    /** The total since the item was published, as of the reporting date (TikTok's video metrics). */
    LIFETIME,
    /** The day's own increase. */
    DAILY;

    /** The value stored in the warehouse. */
    public String sqlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
