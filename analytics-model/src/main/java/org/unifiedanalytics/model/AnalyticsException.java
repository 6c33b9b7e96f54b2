package org.unifiedanalytics.model;

/**
 * The root of every exception the SDK throws on purpose. It is unchecked: the SDK's failures are
 * either programming errors (bad input, named in the message) or operational failures the host
 * application reports, and neither is something a caller can usefully handle at every call site.
 */
public class AnalyticsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalyticsException(String message) {
        super(message);
    }

    public AnalyticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
