package org.unifiedanalytics.query;

/**
 * Why a number may be incomplete, as its source said when it was read. A KPI carries the caveats of every
 * day it was built from.
 */
public enum DataCaveat {
    /** Rows below the platform's privacy thresholds were withheld (GA4 with Google signals). */
    THRESHOLDED,
    /** Rows were rolled into an {@code (other)} row: too many distinct values that day. */
    OTHER_ROW,
    /** The numbers were computed from a sample of the events. */
    SAMPLED
}
