package org.unifiedanalytics.model.values;

/** GA4's categories of traffic sources, each a list of known sites that the classifier's rules consult. */
public enum SourceCategory {
    SHOPPING, SEARCH, SOCIAL, VIDEO
}
