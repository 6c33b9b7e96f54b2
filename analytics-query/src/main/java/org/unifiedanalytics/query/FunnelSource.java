package org.unifiedanalytics.query;

/** Where the first five stages of the marketing funnel are counted from. */
public enum FunnelSource {
    /** Touchpoint rows, by touch type (the attribution specification's definition). */
    TOUCHPOINTS,
    /**
     * The platforms' daily aggregates, for sources that do not report per customer (TikTok analytics):
     * views, engagement, profile visits and product clicks from content metrics (their daily increase);
     * sessions, add-to-carts and checkouts from web traffic. Orders and loyalty are counted as always.
     */
    DAILY_METRICS
}
