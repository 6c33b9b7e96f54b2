package org.unifiedanalytics.connect.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials held for the life of the process only: what runs without a credentials key. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, Credentials> byAccount = new ConcurrentHashMap<>();

    @Override
    public Optional<Credentials> load(String account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    @Override
    public void save(String account, Credentials credentials) {
        byAccount.put(account, credentials);
    }
}
