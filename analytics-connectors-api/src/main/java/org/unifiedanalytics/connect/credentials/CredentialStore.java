package org.unifiedanalytics.connect.credentials;

import java.util.Optional;

/**
 * Where a connector keeps each account's newest tokens between runs, so that a rotated refresh token is
 * never lost. The default store encrypts them with AES-GCM under a key the host supplies
 * ({@code ANALYTICS_CREDENTIALS_KEY}, base64 of 32 bytes, or {@code Ingestion.builder().credentialKey(...)})
 * and keeps them in the warehouse; without a key it holds them in memory and says so once.
 * A save is durable at once, in a transaction of its own.
 */
public interface CredentialStore {

    Optional<Credentials> load(String account);

    void save(String account, Credentials credentials);
}
