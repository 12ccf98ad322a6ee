package io.parley.common.events;

import java.util.UUID;

/**
 * The contract of {@code crypto.keys} (see docs/events.md): crypto-service publishes every change to an encryption
 * key, keyed by the key's tenant id so that one tenant's activations stay in order, with the key as the API shows it
 * ({@code {"encrypt_key": {...}}}: public key, fingerprint, {@code is_active}; never private material), and every
 * revoked grant.
 */
public final class CryptoKeyEvents {

    public static final String TOPIC = "crypto.keys";
    public static final int VERSION = 1;

    public static final String KEY_CREATED = "encrypt_key.created";
    /** Renamed, activated or deactivated (activating one key of a tenant deactivates the one active before). */
    public static final String KEY_UPDATED = "encrypt_key.updated";
    /** The key is gone; {@code data} holds it as it was. */
    public static final String KEY_DELETED = "encrypt_key.deleted";
    /**
     * A user's grant of a key was revoked; {@code data} is {@link RevokedGrant.Document}. Consumers that keep what
     * the user opened with the key drop it.
     */
    public static final String GRANT_REVOKED = "encrypt_key.grant_revoked";

    /** {@code {"authorized_user": {"key_id": ..., "user_id": ...}}}: whose grant of which key was revoked. */
    public record RevokedGrant(UUID keyId, UUID userId) {

        public record Document(RevokedGrant authorizedUser) {
        }
    }

    private CryptoKeyEvents() {
    }
}
