package io.parley.crypto.protection;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A user's personal RSA key pair: grants of user-mode keys are wrapped to its public key; its private key is sealed
 * under a key stretched from the user's password-derived secret, which is never stored.
 */
@Entity
@Table(name = "personal_key")
public class PersonalKey extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    /** Changes when the key pair is replaced: grants made to an earlier pair no longer open. */
    @Column(nullable = false)
    public UUID id;

    /** X.509 SubjectPublicKeyInfo, DER. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    /** PKCS#8, sealed with AES-256-GCM under PBKDF2(secret, salt, iterations). */
    @Column(name = "sealed_private_key", nullable = false)
    public byte[] sealedPrivateKey;

    @Column(nullable = false)
    public byte[] salt;

    @Column(nullable = false)
    public int iterations;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
