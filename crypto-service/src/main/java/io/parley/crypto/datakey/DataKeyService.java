package io.parley.crypto.datakey;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.common.api.crypto.DataKeys;
import io.parley.common.api.error.ApiException;
import io.parley.common.security.Caller;
import io.parley.crypto.key.EncryptKey;
import io.parley.crypto.key.KeyAccess;
import io.parley.crypto.key.KeyVault;
import io.parley.crypto.protection.PersonalKeys;
import io.quarkus.security.ForbiddenException;

/**
 * Opens a recording's data key for a caller: the key must be of a tenant the caller reaches; a user-mode key opens
 * only through the caller's own grant and secret, an app-mode key through the master key. Whether the caller may
 * play this recording back is call-service's to decide before asking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DataKeyService {

    private final KeyVault vault;
    private final PersonalKeys personalKeys;
    private final Caller caller;

    DataKeyService(KeyVault vault, PersonalKeys personalKeys, Caller caller) {
        this.vault = vault;
        this.personalKeys = personalKeys;
        this.caller = caller;
    }

    public byte[] unwrap(UUID keyId, String wrappedKey, String secret) {
        if (wrappedKey == null || wrappedKey.isBlank()) {
            throw ApiException.invalidField("wrapped_key", "blank", "can't be blank");
        }
        byte[] wrapped;
        try {
            wrapped = Base64.getDecoder().decode(wrappedKey.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("wrapped_key", "invalid", "is not base64");
        }
        EncryptKey key = EncryptKey.<EncryptKey> findByIdOptional(keyId)
                .orElseThrow(() -> ApiException.notFound("Encrypt key"));
        if (!KeyAccess.sees(caller, key.tenantId)) {
            throw new ForbiddenException();
        }
        if (key.sealedPrivateKey == null) {
            throw ApiException.conflict("NoPrivateKey",
                    "The key was imported without its private key: recordings encrypted with it cannot be opened here");
        }
        // a first playback is also how a user without key permissions comes to have a personal key to be granted to
        personalKeys.ensure(caller.userId(), secret);
        PrivateKey privateKey = vault.privateKey(key, caller.userId(), secret).orElseThrow(ForbiddenException::new);
        try {
            return DataKeys.unwrap(privateKey, wrapped);
        } catch (GeneralSecurityException e) {
            throw ApiException.invalidField("wrapped_key", "invalid", "was not wrapped to this key");
        }
    }
}
