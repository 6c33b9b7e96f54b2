package org.unifiedanalytics.scheduler.internal;

/**
 * A one-off backfill as the scheduler's table stores it: the connector instance and the dates, never a
 * secret (each node takes the configuration from its own settings).
 */
public record BackfillJob(String instance, String from, String toExclusive) {
}
