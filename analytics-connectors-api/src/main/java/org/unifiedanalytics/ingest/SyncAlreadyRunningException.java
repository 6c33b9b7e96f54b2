package org.unifiedanalytics.ingest;

import org.unifiedanalytics.model.AnalyticsException;

/** A sync of the same connector instance is already running, in this process or another on the same database. */
public final class SyncAlreadyRunningException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    public SyncAlreadyRunningException(String instance) {
        super("a sync of connector instance '" + instance + "' is already running; it was not started twice");
    }
}
