package io.parley.call.encryption;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.api.crypto.DataKeys;
import io.parley.common.api.error.ApiException;
import io.parley.common.sql.Jdbc;

/**
 * Whether an upload is stored encrypted (docs/encryption.md), from the call's tenant: in clear for a tenant without
 * {@code encrypt_data}; encrypted to the tenant's active key for one with it (without an active key, an upload is
 * refused so that the recorder keeps the file and tries again, rather than Parley storing it in clear against the
 * tenant's setting); pending while the call has no tenant yet (uploaded before its events, or not
 * associated yet), for {@link PendingEncryption} to settle once it has one.
 */
@ApplicationScoped
public class UploadEncryption {

    private final DataSource dataSource;
    private final EncryptKeyReplica keys;

    UploadEncryption(DataSource dataSource, EncryptKeyReplica keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /** How a file of a call is to be stored. */
    public sealed interface Plan {
    }

    /** In clear: the tenant does not encrypt its recordings. */
    public record Clear() implements Plan {
    }

    /** In clear for now: the call's tenant is not known yet. */
    public record Pending() implements Plan {
    }

    /** Encrypted under a fresh data key wrapped to the tenant's active key. */
    public record Encrypt(EncryptKeyReplica.ActiveKey key) implements Plan {

        /** The data key wrapped to the tenant's key, as the file record keeps it. */
        public WrappedDataKey wrap(AudioEncryption.DataKey dataKey) {
            try {
                return new WrappedDataKey(key.keyId(), Base64.getEncoder()
                        .encodeToString(DataKeys.wrap(key.publicKey(), dataKey.secretBytes())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The tenant's public key cannot wrap a data key", e);
            }
        }
    }

    /** Not storable now: the tenant encrypts its recordings and has no active key. */
    public record NoActiveKey() implements Plan {
    }

    /** The {@code 409} an upload gets while its tenant has no active key. */
    public static ApiException noActiveKey() {
        return ApiException.conflict("NoEncryptionKey", "The call's tenant encrypts its recordings and has no active "
                + "encryption key: activate one (PUT /api/v2/encrypt_keys/{id}.json), then upload again");
    }

    public Plan forCall(UUID callId) {
        return Jdbc.on(dataSource, "Reading the call's tenant", connection -> forCall(connection, callId));
    }

    public Plan forCall(Connection connection, UUID callId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.tenant_id, t.encrypt_data FROM call c
                LEFT JOIN known_tenant t ON t.id = c.tenant_id AND t.deleted_at IS NULL
                WHERE c.call_id = ?""")) {
            query.setObject(1, callId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || rows.getObject(2) == null) {
                    return new Pending();
                }
                if (!rows.getBoolean(2)) {
                    return new Clear();
                }
                UUID tenantId = rows.getObject(1, UUID.class);
                return keys.active(connection, tenantId).<Plan> map(Encrypt::new).orElseGet(NoActiveKey::new);
            }
        }
    }
}
