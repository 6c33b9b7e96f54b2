package org.unifiedanalytics.query;

/** What attribution results are grouped by. */
public enum GroupBy {
    /** The touch's channel: {@code tiktok}, {@code email}, {@code direct}, ... */
    CHANNEL,
    /** Channel and campaign: {@code tiktok / spring} ({@code (none)} for no campaign). */
    CHANNEL_CAMPAIGN,
    /** The content that made the touch, e.g. a TikTok video id ({@code (none)} for none). */
    CONTENT
}
