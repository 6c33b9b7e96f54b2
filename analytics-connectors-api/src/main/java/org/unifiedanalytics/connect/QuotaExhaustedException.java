package org.unifiedanalytics.connect;

import java.time.Instant;
import java.util.Objects;

import org.unifiedanalytics.model.AnalyticsException;

/**
 * The source's quota for now is spent (a daily token budget, a report budget): nothing is wrong, but no
 * more can be read before {@link #resumesAt()}. A stream throws it between pages; the runtime keeps every
 * page committed so far, ends the stream with the outcome {@code QUOTA_EXHAUSTED} and a sentence saying when
 * it resumes, and the next run continues from the checkpoint. A scheduler reschedules for that instant.
 *
 * <pre>{@code
 * if (quota.dailyTokensLeft() < reserve) {
 *     throw new QuotaExhaustedException("GA4 property 1234's daily tokens are spent", nextPacificMidnight);
 * }
 * }</pre>
 */
public class QuotaExhaustedException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    private final Instant resumesAt;

    /** @param reason what is spent, in words; the message adds when it resumes */
    public QuotaExhaustedException(String reason, Instant resumesAt) {
        super(Objects.requireNonNull(reason, "reason") + "; quota exhausted, resumes at "
                + Objects.requireNonNull(resumesAt, "resumesAt"));
        this.resumesAt = resumesAt;
    }

    /** When the source will serve requests again. */
    public Instant resumesAt() {
        return resumesAt;
    }
}
