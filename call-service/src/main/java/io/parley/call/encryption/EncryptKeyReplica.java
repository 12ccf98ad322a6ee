package io.parley.call.encryption;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.api.crypto.DataKeys;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.key.EncryptKeyData;
import io.parley.common.sql.Jdbc;

/**
 * The tenants' encryption keys as crypto-service announced them on {@code crypto.keys} (public halves only), and the
 * key a tenant's recordings are encrypted with now: the last one announced active, not since deactivated or deleted.
 */
@ApplicationScoped
public class EncryptKeyReplica {

    private final DataSource dataSource;

    EncryptKeyReplica(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A tenant's active key: what a data key is wrapped to. */
    public record ActiveKey(UUID keyId, PublicKey publicKey) {
    }

    /**
     * Applies a key's newer state: an event of a higher revision than the row's (docs/events.md; events without one,
     * published before keys had revisions, by their time). A deleted key stays deleted. Runs in the consumer's
     * transaction.
     */
    void apply(EventEnvelope event, EncryptKeyData.EncryptKey key, boolean deleted) {
        publicKey(key.publicKey()); // an event with a key that cannot encrypt is refused (to the dead-letter topic)
        Jdbc.run(dataSource, "Replicating an encryption key", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO known_encrypt_key AS k (key_id, tenant_id, public_key, is_active,
                                                       protection_mode, has_private_key, deleted, revision,
                                                       changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (key_id) DO UPDATE SET public_key = EXCLUDED.public_key,
                        is_active = EXCLUDED.is_active, protection_mode = EXCLUDED.protection_mode,
                        has_private_key = EXCLUDED.has_private_key, deleted = EXCLUDED.deleted,
                        revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at
                    WHERE NOT k.deleted AND (EXCLUDED.revision > k.revision
                        OR EXCLUDED.revision = 0 AND k.revision = 0 AND k.changed_at <= EXCLUDED.changed_at)""")) {
                int i = 1;
                upsert.setObject(i++, key.keyId());
                upsert.setObject(i++, key.tenantId());
                upsert.setString(i++, key.publicKey());
                upsert.setBoolean(i++, !deleted && key.isActive());
                upsert.setString(i++, key.protectionMode() == null ? "user" : key.protectionMode());
                upsert.setBoolean(i++, key.hasPrivateKey());
                upsert.setBoolean(i++, deleted);
                upsert.setLong(i++, event.revisionOrZero());
                upsert.setObject(i, event.occurredAt());
                upsert.executeUpdate();
            }
        });
    }

    /** The tenant's active key, if it has one. */
    public Optional<ActiveKey> active(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT key_id, public_key FROM known_encrypt_key WHERE tenant_id = ? AND is_active AND NOT deleted
                ORDER BY changed_at DESC LIMIT 1""")) {
            query.setObject(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ActiveKey(rows.getObject(1, UUID.class), publicKey(rows.getString(2))));
            }
        }
    }

    /** Whether crypto-service announced the key deleted. */
    public boolean deleted(UUID keyId) {
        return Jdbc.on(dataSource, "Reading the encryption keys", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM known_encrypt_key WHERE key_id = ? AND deleted")) {
                query.setObject(1, keyId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private static PublicKey publicKey(String base64Der) {
        try {
            return DataKeys.publicKey(base64Der);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("crypto-service announced a public key that is not RSA X.509", e);
        }
    }
}
