package org.unifiedanalytics.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fresh one stream of one scheduled connector is: its last success and failure, the next scheduled refresh,
 * and whether its data is late against its schedule.
 *
 * @param schedule        the connector's schedule, as written
 * @param lastStatus      the outcome of the stream's last run ({@code SUCCEEDED}, {@code FAILED},
 *                        {@code REAUTHORIZATION_REQUIRED}, {@code QUOTA_EXHAUSTED}, ...), empty before the first
 * @param lastError       why the last run did not succeed, if it did not
 * @param nextRun         when the scheduler refreshes the connector next; empty when it waits for re-authorization
 *                        or is off
 * @param lag             how long ago the last success was
 * @param late            no success within twice the schedule's interval (or never): an alert should fire
 * @param waitingForReauthorization the credentials were refused: no retry until {@link RefreshScheduler#reauthorized}
 */
public record RefreshStatus(String instance, String connector, String account, String stream, String schedule,
                            Optional<String> lastStatus, Optional<Instant> lastSuccessAt, Optional<String> lastError,
                            Optional<Instant> nextRun, Optional<Duration> lag, boolean late,
                            boolean waitingForReauthorization) {
}
