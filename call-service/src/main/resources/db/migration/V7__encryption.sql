-- Encryption of recordings at rest (docs/encryption.md).

-- The tenants' encryption keys as crypto-service announces them on crypto.keys: public halves only. A deleted key is
-- kept as a tombstone so that a late event cannot bring it back.
CREATE TABLE known_encrypt_key (
    key_id          uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    public_key      text        NOT NULL,
    is_active       boolean     NOT NULL,
    protection_mode text        NOT NULL,
    has_private_key boolean     NOT NULL,
    deleted         boolean     NOT NULL DEFAULT false,
    -- when crypto-service made the change this row reflects; older events never overwrite it
    changed_at      timestamptz NOT NULL
);

CREATE INDEX known_encrypt_key_active ON known_encrypt_key (tenant_id, changed_at DESC) WHERE is_active AND NOT deleted;

-- An encrypted file: the key its data key is wrapped to, and the data key wrapped (base64 of RSA-OAEP-SHA256).
-- stored_size and stored_watermark stay the audio's (the plaintext's); the stored object is the ciphertext.
-- encryption_pending: stored in clear because the call's tenant was not known at the upload; the encryption job
-- encrypts it once the call has a tenant that encrypts its data (or clears the flag for one that does not).
ALTER TABLE call_file
    ADD COLUMN encrypt_key_id     uuid,
    ADD COLUMN wrapped_data_key   text,
    ADD COLUMN encryption_pending boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT call_file_wrapped_with_key CHECK ((encrypt_key_id IS NULL) = (wrapped_data_key IS NULL));

CREATE INDEX call_file_encryption_pending ON call_file (call_id) WHERE encryption_pending;
