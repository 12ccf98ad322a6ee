package io.parley.crypto.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.common.api.crypto.DataKeys;
import io.parley.crypto.protection.MasterKey;
import io.parley.crypto.protection.PersonalKey;
import io.parley.crypto.protection.PersonalKeys;
import io.parley.crypto.protection.Sealing;

/**
 * Where tenant keys' private halves are sealed and opened (docs/encryption.md). An app-mode key opens with the master
 * key. A user-mode key's private key is sealed under a random KEK of its own, which exists only wrapped to the
 * personal keys of the users granted the key: opening it takes a grantee's password-derived secret.
 */
@ApplicationScoped
public class KeyVault {

    private static final Logger LOG = Logger.getLogger(KeyVault.class);

    private final MasterKey masterKey;
    private final PersonalKeys personalKeys;

    KeyVault(MasterKey masterKey, PersonalKeys personalKeys) {
        this.masterKey = masterKey;
        this.personalKeys = personalKeys;
    }

    /**
     * Seals a new key's private half onto it; for a user-mode key returns the KEK, to be granted before it is
     * forgotten, and for an app-mode key nothing.
     */
    public Optional<SecretKey> seal(EncryptKey key, PrivateKey privateKey) {
        byte[] pkcs8 = privateKey.getEncoded();
        try {
            if (key.isUserProtected()) {
                SecretKey kek = Sealing.newKey();
                key.sealedPrivateKey = Sealing.seal(kek, pkcs8, key.sealingContext());
                return Optional.of(kek);
            }
            key.sealedPrivateKey = masterKey.seal(pkcs8, key.sealingContext());
            return Optional.empty();
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Makes the grant usable by its user's current personal key. */
    public void wrapFor(KeyGrant grant, SecretKey kek, PersonalKey personal) {
        try {
            grant.wrappedKek = DataKeys.wrap(PersonalKeys.publicKey(personal), kek.getEncoded());
            grant.personalKeyId = personal.id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KEK could not be wrapped to a personal key", e);
        }
    }

    /** Whether the grant opens with its user's current personal key (for a user-mode key with a private key). */
    public boolean usable(KeyGrant grant) {
        return grant.wrappedKek != null && personalKeys.find(grant.userId)
                .filter(personal -> personal.id.equals(grant.personalKeyId)).isPresent();
    }

    /** The KEK of a user-mode key, as the holder's grant gives it to the holder's secret. */
    public Optional<SecretKey> kek(EncryptKey key, UUID holder, String secret) {
        Optional<KeyGrant> grant = KeyGrant.find(key.id, holder).filter(this::usable);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Optional<PrivateKey> personal = personalKeys.open(holder, secret);
        if (personal.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sealing.key(DataKeys.unwrap(personal.get(), grant.get().wrappedKek)));
        } catch (GeneralSecurityException e) {
            LOG.warnf("Grant of key %s to user %s does not open with their personal key", key.id, holder);
            return Optional.empty();
        }
    }

    /**
     * The key's private half for this caller: an app-mode key for anyone the caller's checks let through, a user-mode
     * key only for a holder of a usable grant with their secret. Empty when it cannot be opened for them.
     */
    public Optional<PrivateKey> privateKey(EncryptKey key, UUID caller, String secret) {
        if (key.sealedPrivateKey == null) {
            return Optional.empty();
        }
        try {
            byte[] pkcs8;
            if (key.isUserProtected()) {
                Optional<SecretKey> kek = kek(key, caller, secret);
                if (kek.isEmpty()) {
                    return Optional.empty();
                }
                pkcs8 = Sealing.open(kek.get(), key.sealedPrivateKey, key.sealingContext());
            } else {
                pkcs8 = masterKey.open(key.sealedPrivateKey, key.sealingContext());
            }
            try {
                return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            LOG.errorf("Private key of key %s does not open: wrong master key or altered row", key.id);
            return Optional.empty();
        }
    }
}
