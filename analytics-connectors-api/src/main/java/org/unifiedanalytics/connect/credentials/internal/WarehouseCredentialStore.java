package org.unifiedanalytics.connect.credentials.internal;

import static org.unifiedanalytics.model.schema.Tables.CREDENTIAL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.credentials.CredentialStore;
import org.unifiedanalytics.connect.credentials.Credentials;
import org.unifiedanalytics.model.Warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Credentials encrypted with AES-GCM in the warehouse's {@code credential} table, one row per instance and account. */
public final class WarehouseCredentialStore implements CredentialStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ciphertext of a row made only to be locked before an account's first tokens are stored. */
    private static final String NONE_YET = "";

    private final Warehouse warehouse;
    private final AesGcmCipher cipher;
    private final String instance;
    private final Clock clock;

    public WarehouseCredentialStore(Warehouse warehouse, AesGcmCipher cipher, String instance, Clock clock) {
        this.warehouse = warehouse;
        this.cipher = cipher;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public Optional<Credentials> load(String account) {
        return decrypt(account, warehouse.dsl().select(CREDENTIAL.CIPHERTEXT).from(CREDENTIAL)
                .where(CREDENTIAL.CONNECTOR_INSTANCE.eq(instance), CREDENTIAL.ACCOUNT_ID.eq(account))
                .fetchOne(CREDENTIAL.CIPHERTEXT));
    }

    /**
     * Under a row lock on the account's credentials (a row with no ciphertext yet is made first, so that even a
     * first refresh is taken in turn): two processes never exchange the same refresh token.
     */
    @Override
    public Credentials update(String account, Function<Optional<Credentials>, Credentials> renew) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        warehouse.inTransaction(tx -> tx.dsl().insertInto(CREDENTIAL, CREDENTIAL.CONNECTOR_INSTANCE, CREDENTIAL.ACCOUNT_ID,
                CREDENTIAL.CIPHERTEXT, CREDENTIAL.UPDATED_AT).values(instance, account, NONE_YET, now).onConflictDoNothing().execute());
        Credentials renewed = warehouse.inTransaction(tx -> {
            String stored = tx.dsl().select(CREDENTIAL.CIPHERTEXT).from(CREDENTIAL)
                    .where(CREDENTIAL.CONNECTOR_INSTANCE.eq(instance), CREDENTIAL.ACCOUNT_ID.eq(account)).forUpdate()
                    .fetchOne(CREDENTIAL.CIPHERTEXT);
            Credentials next = renew.apply(decrypt(account, stored));
            tx.dsl().update(CREDENTIAL).set(CREDENTIAL.CIPHERTEXT, encrypt(account, next))
                    .set(CREDENTIAL.UPDATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .where(CREDENTIAL.CONNECTOR_INSTANCE.eq(instance), CREDENTIAL.ACCOUNT_ID.eq(account)).execute();
            return next;
        });
        // a rotated refresh token cannot be fetched again: on disk before it is used
        warehouse.flush();
        return renewed;
    }

    private Optional<Credentials> decrypt(String account, String text) {
        if (text == null || text.equals(NONE_YET)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(cipher.decrypt(text, instance + "/" + account));
            return Optional.of(new Credentials(Secret.of(node.path("access_token").asText()),
                    Instant.parse(node.path("access_expires_at").asText()), Secret.of(node.path("refresh_token").asText()),
                    node.hasNonNull("refresh_expires_at") ? Optional.of(Instant.parse(node.path("refresh_expires_at").asText()))
                            : Optional.empty()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credentials of " + instance + "/" + account + " are not readable", e);
        }
    }

    @Override
    public void save(String account, Credentials credentials) {
        String sealed = encrypt(account, credentials);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        warehouse.inTransaction(tx -> {
            int updated = tx.dsl().update(CREDENTIAL).set(CREDENTIAL.CIPHERTEXT, sealed).set(CREDENTIAL.UPDATED_AT, now)
                    .where(CREDENTIAL.CONNECTOR_INSTANCE.eq(instance), CREDENTIAL.ACCOUNT_ID.eq(account)).execute();
            if (updated == 0) {
                tx.dsl().insertInto(CREDENTIAL, CREDENTIAL.CONNECTOR_INSTANCE, CREDENTIAL.ACCOUNT_ID, CREDENTIAL.CIPHERTEXT,
                        CREDENTIAL.UPDATED_AT).values(instance, account, sealed, now).execute();
            }
            return null;
        });
        warehouse.flush();
    }

    private String encrypt(String account, Credentials credentials) {
        String plain;
        try {
            plain = JSON.writeValueAsString(Map.of(
                    "access_token", credentials.accessToken().reveal(),
                    "access_expires_at", credentials.accessExpiresAt().toString(),
                    "refresh_token", credentials.refreshToken().reveal(),
                    "refresh_expires_at", credentials.refreshExpiresAt().map(Instant::toString).orElse("")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return cipher.encrypt(plain, instance + "/" + account);
    }
}
