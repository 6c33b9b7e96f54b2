package org.unifiedanalytics.model.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tells a lock that was not granted (taken by someone else, waited for too long) from every other database error. */
public final class LockErrors {
    private LockErrors() {
    }

    /** H2's lock timeout (HYT00, 50200) or PostgreSQL's lock_not_available (55P03), anywhere in the causes. */
    public static boolean isLockNotGranted(Throwable error) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = error; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            if (t instanceof SQLException sql
                    && ("HYT00".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }
}
