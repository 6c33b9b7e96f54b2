package org.unifiedanalytics.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of one stream of one account, from the run log: its last run, and how fresh its data is.
 *
 * @param lastStatus      {@code SUCCEEDED}, {@code FAILED}, {@code REAUTHORIZATION_REQUIRED}, {@code QUOTA_EXHAUSTED},
 *                        {@code RUNNING} or {@code ABANDONED}
 * @param lastSuccessAt   when the last successful run finished
 * @param freshness       how long ago that was
 */
public record StreamStatus(String instance, String connector, String account, String stream, String lastMode,
                           String lastStatus, Instant lastStartedAt, Optional<Instant> lastFinishedAt,
                           Optional<String> lastError, Optional<Instant> lastSuccessAt, Optional<Duration> freshness) {
}
