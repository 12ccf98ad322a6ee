-- Tenants' encryption keys (reference 3.3). The private key is never stored in clear: app-mode keys keep it sealed
-- (AES-256-GCM) under the application master key; user-mode keys keep it sealed under a random key-encryption key
-- (KEK) that exists only wrapped to the personal public keys of the users granted the key (docs/encryption.md).
CREATE TABLE encrypt_key (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    name            text        NOT NULL,
    is_active       boolean     NOT NULL,
    protection_mode text        NOT NULL CHECK (protection_mode IN ('user', 'app')),
    -- X.509 SubjectPublicKeyInfo, DER
    public_key      bytea       NOT NULL,
    fingerprint     text        NOT NULL,
    key_length      integer     NOT NULL,
    -- PKCS#8 private key sealed as described above; NULL for a public key imported without its private key
    sealed_private_key bytea,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX encrypt_key_tenant_idx ON encrypt_key (tenant_id, lower(name));
-- one active key per tenant: activating a key deactivates the previous one in the same transaction
CREATE UNIQUE INDEX encrypt_key_one_active_idx ON encrypt_key (tenant_id) WHERE is_active;

-- A user's personal RSA key pair: the public key receives grants, the private key is sealed (AES-256-GCM) under a
-- key stretched from the user's password-derived secret (PBKDF2-HMAC-SHA256, salt and iterations below). Replaced
-- when the secret no longer opens it (the password was changed), which leaves the user's grants unusable.
CREATE TABLE personal_key (
    user_id            uuid PRIMARY KEY,
    id                 uuid        NOT NULL UNIQUE,
    public_key         bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    salt               bytea       NOT NULL,
    iterations         integer     NOT NULL,
    created_at         timestamptz NOT NULL
);

-- Users granted a key (reference 3.3.6-3.3.8). For a user-mode key, wrapped_kek is the key's KEK wrapped
-- (RSA-OAEP-SHA256) to the grantee's personal key personal_key_id; NULL while the grantee has no personal key yet.
-- A grant whose personal_key_id is not the user's current personal key is unusable until granted again.
CREATE TABLE key_grant (
    key_id          uuid        NOT NULL REFERENCES encrypt_key (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    wrapped_kek     bytea,
    personal_key_id uuid,
    granted_by      uuid        NOT NULL,
    granted_at      timestamptz NOT NULL,
    PRIMARY KEY (key_id, user_id)
);
CREATE INDEX key_grant_user_idx ON key_grant (user_id);
