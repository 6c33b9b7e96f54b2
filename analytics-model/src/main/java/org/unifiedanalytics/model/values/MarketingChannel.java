package org.unifiedanalytics.model.values;

import java.util.Locale;

/**
 * The marketer's channel of a visit or touch ({@code tiktok}, {@code instagram}, {@code email},
 * {@code direct}, ...), from its UTM source and medium: the platform for sources a brand posts on, else
 * the GA4 default channel group in lower case with underscores ({@code organic_search}, {@code referral}).
 * A visit with neither source nor medium is {@code direct}.
 */
public final class MarketingChannel {
    private MarketingChannel() {
    }

    public static String of(String source, String medium) {
        return of(source, medium, ChannelClassifier.ga4Default());
    }

    /** As {@link #of(String, String)}, with the host's own classifier for the sources it does not name. */
    public static String of(String source, String medium, ChannelClassifier classifier) {
        if (source == null && medium == null) {
            return "direct";
        }
        String s = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (s.contains("tiktok")) {
            return "tiktok";
        }
        if (s.contains("instagram")) {
            return "instagram";
        }
        if (s.contains("klaviyo") || "email".equalsIgnoreCase(medium)) {
            return "email";
        }
        return classifier.classify(source, medium, null).name().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
