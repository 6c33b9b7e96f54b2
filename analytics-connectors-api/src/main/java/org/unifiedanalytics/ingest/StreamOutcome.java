package org.unifiedanalytics.ingest;

/** How one stream of one account ended in a sync. */
public enum StreamOutcome {
    /** Every page was read and written. */
    SUCCEEDED,
    /** It stopped on an error; what was committed before stays, and the next run resumes from the last checkpoint. */
    FAILED,
    /** The source refused the credentials; a person must authorize the account again. */
    REAUTHORIZATION_REQUIRED,
    /**
     * The source's quota is spent for now; what was read is committed, and the next run after the time the
     * report names resumes from the checkpoint. Not a failure of the data, but the stream is not complete.
     */
    QUOTA_EXHAUSTED
}
