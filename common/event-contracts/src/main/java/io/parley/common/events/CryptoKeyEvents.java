package io.parley.common.events;

import io.parley.common.events.key.EncryptKeyData;
import io.parley.common.events.key.GrantRevokedData;

/**
 * The contract of {@code crypto.keys} (see docs/events.md): crypto-service publishes every change to an encryption
 * key, keyed by the key's tenant id so that one tenant's activations stay in order, with the key as the API shows it
 * ({@link EncryptKeyData}), and every revoked grant ({@link GrantRevokedData}).
 */
public final class CryptoKeyEvents {

    public static final String TOPIC = "crypto.keys";
    /** The newest {@code dataversion} of the topic's types, which its consumers read. */
    public static final int VERSION = 1;

    public static final String KEY_CREATED = "encrypt_key.created";
    /** Renamed, activated or deactivated (activating one key of a tenant deactivates the one active before). */
    public static final String KEY_UPDATED = "encrypt_key.updated";
    /** The key is gone; {@code data} holds it as it was. */
    public static final String KEY_DELETED = "encrypt_key.deleted";
    /** A user's grant of a key was revoked. */
    public static final String GRANT_REVOKED = "encrypt_key.grant_revoked";

    private CryptoKeyEvents() {
    }
}
