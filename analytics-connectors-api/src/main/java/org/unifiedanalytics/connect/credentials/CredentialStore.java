package org.unifiedanalytics.connect.credentials;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a connector keeps each account's newest tokens between runs, so that a rotated refresh token is
 * never lost. The default store encrypts them with AES-GCM and keeps them in the warehouse, under the key the
 * host supplies ({@code ANALYTICS_CREDENTIALS_KEY}, base64 of 32 bytes, or
 * {@code Ingestion.builder().credentialKey(...)}) or, for an embedded warehouse, the key file beside it. A save
 * is durable at once, in a transaction of its own.
 *
 * <p>A connector whose refresh tokens rotate refreshes through {@link #update}, so that two processes never
 * spend the same refresh token:
 * <pre>{@code
 * Credentials fresh = store.update(account, stored -> stored.filter(c -> !c.equals(mine) && !c.expiresWithin(margin, now))
 *         .orElseGet(() -> exchange(stored.map(Credentials::refreshToken).orElse(configured))));
 * }</pre>
 */
public interface CredentialStore {

    Optional<Credentials> load(String account);

    void save(String account, Credentials credentials);

    /**
     * Replaces an account's credentials with what {@code renew} makes of the stored ones, and stores them before
     * any other caller of {@code update} for the account, in this process or another, sees the stored ones: the
     * warehouse's store holds a row lock on the account's credentials meanwhile. {@code renew} may return the
     * stored credentials unchanged (another process refreshed them already); if it throws, nothing changes.
     *
     * @return what {@code renew} returned, now stored
     */
    default Credentials update(String account, Function<Optional<Credentials>, Credentials> renew) {
        synchronized (this) {
            Credentials next = renew.apply(load(account));
            save(account, next);
            return next;
        }
    }
}
