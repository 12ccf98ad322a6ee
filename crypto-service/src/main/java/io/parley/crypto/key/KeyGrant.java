package io.parley.crypto.key;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A user granted a key (reference 3.3.6). For a user-mode key it carries the key's KEK wrapped to the grantee's
 * personal key; a grant wrapped to an earlier personal key of the user, or made before the user had one, carries
 * nothing usable until the key is granted to them again.
 */
@Entity
@Table(name = "key_grant")
@IdClass(KeyGrant.Id.class)
public class KeyGrant extends PanacheEntityBase {

    @jakarta.persistence.Id
    @Column(name = "key_id")
    public UUID keyId;

    @jakarta.persistence.Id
    @Column(name = "user_id")
    public UUID userId;

    /** The key's KEK, RSA-OAEP-wrapped to the personal key {@link #personalKeyId}. */
    @Column(name = "wrapped_kek")
    public byte[] wrappedKek;

    @Column(name = "personal_key_id")
    public UUID personalKeyId;

    @Column(name = "granted_by", nullable = false)
    public UUID grantedBy;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    public static Optional<KeyGrant> find(UUID keyId, UUID userId) {
        return findByIdOptional(new Id(keyId, userId));
    }

    /** The primary key: a key and a user. */
    public static class Id implements Serializable {

        public UUID keyId;
        public UUID userId;

        public Id() {
        }

        public Id(UUID keyId, UUID userId) {
            this.keyId = keyId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && Objects.equals(keyId, id.keyId) && Objects.equals(userId, id.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyId, userId);
        }
    }
}
