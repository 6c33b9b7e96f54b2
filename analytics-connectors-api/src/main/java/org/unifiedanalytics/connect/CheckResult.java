package org.unifiedanalytics.connect;

import java.util.Objects;

/**
 * The answer of {@link Connector#check()}: works, or why not, in one sentence, with a category that says
 * who must act.
 */
public record CheckResult(Status status, String message) {

    public enum Status {
        /** The credentials and accounts work. */
        OK,
        /** The credentials are refused, expired or lack a permission: the user must re-authorize or fix them. */
        AUTHENTICATION,
        /** The configuration is wrong (an unknown account, a bad setting). */
        CONFIGURATION,
        /** The source could not be reached or failed for now: try again later. */
        TRANSIENT
    }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static CheckResult ok(String message) {
        return new CheckResult(Status.OK, message);
    }

    public static CheckResult authentication(String message) {
        return new CheckResult(Status.AUTHENTICATION, message);
    }

    public static CheckResult configuration(String message) {
        return new CheckResult(Status.CONFIGURATION, message);
    }

    public static CheckResult transientFailure(String message) {
        return new CheckResult(Status.TRANSIENT, message);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    @Override
    public String toString() {
        return status + ": " + message;
    }
}
