-- Credentials a connector keeps between runs (rotated OAuth tokens), encrypted by the SDK before they
-- reach this table: the database never sees a token in clear text.
CREATE TABLE credential (
    connector_instance VARCHAR(128)  NOT NULL,
    account_id         VARCHAR(256)  NOT NULL,
    ciphertext         VARCHAR(8000) NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_credential PRIMARY KEY (connector_instance, account_id)
);
