package org.unifiedanalytics.connect;

import org.unifiedanalytics.model.AnalyticsException;

/**
 * The source refuses the stored credentials for good (a revoked or expired refresh token): a person must
 * authorize the account again. The runtime ends the stream with the outcome {@code REAUTHORIZATION_REQUIRED}.
 */
public class ReauthorizationRequiredException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    public ReauthorizationRequiredException(String message) {
        super(message);
    }

    public ReauthorizationRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
