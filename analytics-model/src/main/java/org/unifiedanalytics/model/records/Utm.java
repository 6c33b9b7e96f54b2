package org.unifiedanalytics.model.records;

/** The UTM parameters of a visit or an order; any of them may be null. */
public record Utm(String source, String medium, String campaign, String content, String term) {

    /** No UTM parameters at all. */
    public static final Utm NONE = new Utm(null, null, null, null, null);
}
