package org.unifiedanalytics.connect.http;

import java.time.Duration;
import java.util.Optional;

import org.unifiedanalytics.model.AnalyticsException;

/**
 * A request failed. The message says what happened and names the request (method and URL, secrets
 * redacted); the kind says whether a retry can help. Subclasses: authentication failures are never
 * retried; rate limits, server errors, transport failures and malformed bodies are.
 */
public class ApiException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    private final String request;
    private final int status;
    private final boolean retryable;

    public ApiException(String message, String request, int status, boolean retryable, Throwable cause) {
        super(message + " [" + request + (status > 0 ? " -> HTTP " + status : "") + "]", cause);
        this.request = request;
        this.status = status;
        this.retryable = retryable;
    }

    /** The request, secrets redacted. */
    public String request() {
        return request;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Whether retrying the same request can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked to wait, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The credentials were refused (401, 403, or the API's own code for it). Not retried. */
    public static final class Authentication extends ApiException {
        private static final long serialVersionUID = 1L;

        public Authentication(String message, String request, int status) {
            super("authentication failed, not retried: " + message, request, status, false, null);
        }
    }

    /** The API says: too many requests. Retried after the wait it asks for, or with backoff. */
    public static final class RateLimited extends ApiException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        public RateLimited(String message, String request, int status, Duration retryAfter) {
            super("rate limited: " + message, request, status, true, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The server failed (5xx, or the API's own code for a transient failure). Retried. */
    public static final class ServerError extends ApiException {
        private static final long serialVersionUID = 1L;

        public ServerError(String message, String request, int status) {
            super("server error: " + message, request, status, true, null);
        }
    }

    /** The request was refused as wrong (a 4xx other than 401, 403, 429); carries the API's own message. Not retried. */
    public static final class ClientError extends ApiException {
        private static final long serialVersionUID = 1L;

        public ClientError(String apiMessage, String request, int status) {
            super("request refused: " + apiMessage, request, status, false, null);
        }
    }

    /** No response: a timeout, a refused or reset connection. Retried. */
    public static final class Transport extends ApiException {
        private static final long serialVersionUID = 1L;

        public Transport(String message, String request, Throwable cause) {
            super(message, request, 0, true, cause);
        }
    }

    /** A body that is not what the API promises (truncated, not JSON). Retried, then reported with an excerpt. */
    public static final class MalformedResponse extends ApiException {
        private static final long serialVersionUID = 1L;

        public MalformedResponse(String message, String request, int status, Throwable cause) {
            super("malformed response: " + message, request, status, true, cause);
        }
    }
}
