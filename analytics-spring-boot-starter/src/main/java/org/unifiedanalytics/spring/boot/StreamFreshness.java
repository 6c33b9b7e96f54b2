package org.unifiedanalytics.spring.boot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fresh one stream's data is, and whether that is too old.
 *
 * @param stream        {@code instance/account/stream}
 * @param lastStatus    the outcome of its last run ({@code SUCCEEDED}, {@code FAILED}, {@code RUNNING}, ...)
 * @param lastSuccessAt when its last successful run finished; empty before the first
 * @param lag           how long ago that was
 * @param lastError     why the last run did not succeed, if it did not
 * @param stale         older than it may be: no success within the allowed time, or none yet after a finished run
 */
public record StreamFreshness(String stream, String lastStatus, Optional<Instant> lastSuccessAt, Optional<Duration> lag,
                              Optional<String> lastError, boolean stale) {
}
