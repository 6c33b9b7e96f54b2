package org.unifiedanalytics.connect.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.unifiedanalytics.connect.config.Secret;

/**
 * An account's OAuth tokens and when they expire. Prints no token: {@link Secret}s print redacted.
 *
 * @param accessExpiresAt  when the access token stops working
 * @param refreshExpiresAt when the refresh token stops working, if the platform says
 */
public record Credentials(Secret accessToken, Instant accessExpiresAt, Secret refreshToken,
                          Optional<Instant> refreshExpiresAt) {

    public Credentials {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    }

    /** Whether the access token expires within {@code margin} of {@code now}. */
    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return !accessExpiresAt.isAfter(now.plus(margin));
    }
}
