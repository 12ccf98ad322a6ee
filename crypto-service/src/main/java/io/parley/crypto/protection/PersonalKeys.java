package io.parley.crypto.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Users' personal key pairs: made the first time a user reaches crypto-service with their password-derived secret
 * ({@code X-Parley-Key-Secret}), opened only with that secret. When the secret no longer opens a user's key pair
 * (their password was changed or reset), the pair is replaced: what was wrapped to the old one, the user's grants, is
 * unusable until granted again (docs/encryption.md).
 */
@ApplicationScoped
public class PersonalKeys {

    private static final Logger LOG = Logger.getLogger(PersonalKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PERSONAL_KEY_BITS = 2048;

    private final EntityManager entityManager;
    private final PersonalKeyRenewal renewal;
    private final int iterations;
    private final Cache stretchedSecrets;

    PersonalKeys(EntityManager entityManager, PersonalKeyRenewal renewal, CryptoConfig config,
            @CacheName("stretched-key-secrets") Cache stretchedSecrets) {
        this.entityManager = entityManager;
        this.renewal = renewal;
        this.iterations = config.pbkdf2Iterations();
        this.stretchedSecrets = stretchedSecrets;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonalKey> find(UUID userId) {
        return PersonalKey.findByIdOptional(userId);
    }

    /**
     * The user's personal key, made now from the secret if they have none; empty when they have none and no secret
     * was given. Concurrent first requests of one user keep the pair that was committed first. Committed on its own:
     * a request refused after it still leaves the user with a personal key to be granted to.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PersonalKey> ensure(UUID userId, String secret) {
        Optional<PersonalKey> existing = find(userId);
        if (existing.isPresent() || !hasSecret(secret)) {
            return existing;
        }
        PersonalKey made = make(userId, secret);
        entityManager.createNativeQuery("INSERT INTO personal_key (user_id, id, public_key, sealed_private_key, salt,"
                + " iterations, created_at) VALUES (:user, :id, :public, :sealed, :salt, :iterations, :created)"
                + " ON CONFLICT (user_id) DO NOTHING")
                .setParameter("user", made.userId).setParameter("id", made.id)
                .setParameter("public", made.publicKey).setParameter("sealed", made.sealedPrivateKey)
                .setParameter("salt", made.salt).setParameter("iterations", made.iterations)
                .setParameter("created", made.createdAt).executeUpdate();
        LOG.infof("User %s has a personal key now", userId);
        return find(userId);
    }

    /**
     * The user's personal private key, opened with their secret. When the secret does not open it, the pair is
     * replaced by one the secret opens (the user's grants stay wrapped to the old one) and nothing is returned.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<PrivateKey> open(UUID userId, String secret) {
        if (!hasSecret(secret)) {
            return Optional.empty();
        }
        Optional<PersonalKey> personal = ensure(userId, secret);
        if (personal.isEmpty()) {
            return Optional.empty();
        }
        PersonalKey key = personal.get();
        try {
            byte[] pkcs8 = Sealing.open(stretched(key, secret), key.sealedPrivateKey, context(userId));
            return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException e) {
            // the user's id only: neither the key secret nor anything derived from it is ever logged
            LOG.infof("User %s's personal key no longer opens with their current sign-in: replacing it;"
                    + " their grants must be given again", userId);
            renewal.replace(make(userId, secret));
            return Optional.empty();
        }
    }

    public static PublicKey publicKey(PersonalKey key) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored personal public key cannot be read", e);
        }
    }

    private PersonalKey make(UUID userId, String secret) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(PERSONAL_KEY_BITS, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            PersonalKey key = new PersonalKey();
            key.userId = userId;
            key.id = UUID.randomUUID();
            key.salt = new byte[16];
            RANDOM.nextBytes(key.salt);
            key.iterations = iterations;
            key.publicKey = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            key.sealedPrivateKey = Sealing.seal(stretch(secret, key.salt, key.iterations), pkcs8, context(userId));
            Arrays.fill(pkcs8, (byte) 0);
            key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal key could not be made", e);
        }
    }

    /**
     * The key that opens the personal key, stretched from the secret once and kept for a few minutes (bounded, in
     * memory only, docs/encryption.md): a player's many Range requests pay the PBKDF2 stretch once, not each. The
     * entry is found by a SHA-256 of the personal key's id and the secret, never by the secret itself.
     */
    private SecretKey stretched(PersonalKey key, String secret) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((key.id + ":" + key.iterations + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(key.salt);
        String entry = HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        return stretchedSecrets.<String, SecretKey> get(entry, ignored -> {
            try {
                return stretch(secret, key.salt, key.iterations);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2 is not available", e);
            }
        }).await().indefinitely();
    }

    private static SecretKey stretch(String secret, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            return Sealing.key(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } finally {
            spec.clearPassword();
        }
    }

    private static String context(UUID userId) {
        return "personal-key:" + userId;
    }

    private static boolean hasSecret(String secret) {
        return secret != null && !secret.isBlank();
    }
}
