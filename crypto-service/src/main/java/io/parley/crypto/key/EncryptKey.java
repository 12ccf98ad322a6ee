package io.parley.crypto.key;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** A tenant's RSA encryption key (reference 3.3). The private key is only ever held sealed (docs/encryption.md). */
@Entity
@Table(name = "encrypt_key")
public class EncryptKey extends PanacheEntityBase {

    public static final String USER = "user";
    public static final String APP = "app";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    /**
     * 1 when created, one more with every change; the key's events carry it so that replicas apply them in order.
     * Changed only under the row's lock.
     */
    @Column(nullable = false)
    public long revision = 1;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    /** {@link #USER} or {@link #APP}. */
    @Column(name = "protection_mode", nullable = false)
    public String protectionMode;

    /** X.509 SubjectPublicKeyInfo, DER. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "key_length", nullable = false)
    public int keyLength;

    /**
     * PKCS#8 private key sealed with AES-256-GCM: under the master key ({@link #APP}) or under the key's own KEK
     * ({@link #USER}); {@code null} when only the public key was imported.
     */
    @Column(name = "sealed_private_key")
    public byte[] sealedPrivateKey;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean isUserProtected() {
        return USER.equals(protectionMode);
    }

    /** What the sealed private key is bound to: a sealed value copied to another key does not open. */
    public String sealingContext() {
        return "encrypt-key:" + id;
    }

    public static Optional<EncryptKey> findActive(UUID tenantId) {
        return find("tenantId = ?1 AND active = true", tenantId).firstResultOptional();
    }

    /**
     * Keys whose name contains the term, case-insensitively, of one tenant or (with {@code tenantId} null) of all
     * those the caller sees ({@code scopeTenant} null: every tenant); ordered by name, then id.
     */
    static PanacheQuery<EncryptKey> search(String term, UUID tenantId, UUID scopeTenant) {
        String literal = term == null ? ""
                : term.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Parameters parameters = Parameters.with("pattern", "%" + literal + "%");
        StringBuilder query = new StringBuilder("lower(name) LIKE :pattern");
        if (tenantId != null) {
            query.append(" AND tenantId = :tenant");
            parameters.and("tenant", tenantId);
        }
        if (scopeTenant != null) {
            query.append(" AND tenantId = :scope");
            parameters.and("scope", scopeTenant);
        }
        return find(query.append(" ORDER BY lower(name), id").toString(), parameters);
    }
}
