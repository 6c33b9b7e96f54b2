package org.unifiedanalytics.scheduler.internal;

import org.unifiedanalytics.connect.config.ConfigValues;
import org.unifiedanalytics.scheduler.RefreshSchedule;

/** A connector instance the scheduler refreshes: its id, configuration and schedule. */
public record ScheduledConnector(String instance, String connectorId, ConfigValues values, RefreshSchedule schedule) {
}
