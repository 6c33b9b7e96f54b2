package org.unifiedanalytics.connect.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.CREDENTIAL;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.credentials.internal.AesGcmCipher;
import org.unifiedanalytics.connect.credentials.internal.WarehouseCredentialStore;
import org.unifiedanalytics.model.AnalyticsException;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

class WarehouseCredentialStoreTest {
    private static final byte[] KEY = "an-aes-256-key-of-exactly-32-by!".getBytes(StandardCharsets.US_ASCII);
    private static final Credentials TOKENS = new Credentials(Secret.of("act.secret-access"), Instant.parse("2026-03-11T12:00:00Z"),
            Secret.of("rft.secret-refresh"), Optional.of(Instant.parse("2027-03-10T12:00:00Z")));

    private static WarehouseCredentialStore store(Warehouse warehouse, byte[] key) {
        return new WarehouseCredentialStore(warehouse, new AesGcmCipher(key), "tiktok", Clock.systemUTC());
    }

    @OnEachDatabase
    void tokens_are_stored_encrypted_and_read_back(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            store(warehouse, KEY).save("biz-1", TOKENS);

            assertThat(store(warehouse, KEY).load("biz-1")).contains(TOKENS);
            assertThat(store(warehouse, KEY).load("biz-2")).isEmpty();
            String stored = warehouse.dsl().select(CREDENTIAL.CIPHERTEXT).from(CREDENTIAL).fetchOne(CREDENTIAL.CIPHERTEXT);
            assertThat(stored).doesNotContain("secret-access").doesNotContain("secret-refresh");
        }
    }

    @OnEachDatabase
    void another_key_or_an_altered_row_is_refused_naming_the_account_not_the_token(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            store(warehouse, KEY).save("biz-1", TOKENS);
            byte[] otherKey = KEY.clone();
            otherKey[0] ^= 1;

            assertThatThrownBy(() -> store(warehouse, otherKey).load("biz-1")).isInstanceOf(AnalyticsException.class)
                    .hasMessageContaining("tiktok/biz-1").hasMessageNotContaining("secret");

            // A row copied to another account does not decrypt there: the row's identity is authenticated too.
            String sealed = warehouse.dsl().select(CREDENTIAL.CIPHERTEXT).from(CREDENTIAL).fetchOne(CREDENTIAL.CIPHERTEXT);
            warehouse.dsl().insertInto(CREDENTIAL, CREDENTIAL.CONNECTOR_INSTANCE, CREDENTIAL.ACCOUNT_ID, CREDENTIAL.CIPHERTEXT,
                    CREDENTIAL.UPDATED_AT).values("tiktok", "biz-2", sealed, java.time.LocalDateTime.now()).execute();
            assertThatThrownBy(() -> store(warehouse, KEY).load("biz-2")).hasMessageContaining("cannot be decrypted");
        }
    }

    @OnEachDatabase
    void credentials_print_no_token(TestDatabase db) {
        assertThat(TOKENS.toString()).doesNotContain("secret-access").doesNotContain("secret-refresh");
        assertThatThrownBy(() -> new AesGcmCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}
