package org.unifiedanalytics.model.values;

import java.util.Locale;

/**
 * Where a visit came from, as UTM parameters or GA4's session dimensions say it: source, medium and
 * campaign. Missing values are normalised the way GA4 reports them: no source is {@code (direct)}, no
 * medium {@code (none)}, no campaign {@code (not set)}; everything is trimmed and lower case.
 */
public record TrafficSource(String source, String medium, String campaign) {

    public static final String DIRECT_SOURCE = "(direct)";
    public static final String NO_MEDIUM = "(none)";
    public static final String NOT_SET = "(not set)";

    public TrafficSource {
        source = normalize(source, DIRECT_SOURCE);
        medium = normalize(medium, NO_MEDIUM);
        campaign = normalize(campaign, NOT_SET);
    }

    public static TrafficSource of(String source, String medium, String campaign) {
        return new TrafficSource(source, medium, campaign);
    }

    private static String normalize(String value, String absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
