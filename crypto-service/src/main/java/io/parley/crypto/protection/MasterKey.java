package io.parley.crypto.protection;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

/** The application master key (parley.crypto.master-key), which seals the private keys of app-mode keys. */
@ApplicationScoped
public class MasterKey {

    private final SecretKey key;

    MasterKey(CryptoConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.masterKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.crypto.master-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("parley.crypto.master-key must be 32 bytes (openssl rand -base64 32)");
        }
        this.key = Sealing.key(raw);
    }

    public byte[] seal(byte[] plaintext, String context) {
        return Sealing.seal(key, plaintext, context);
    }

    public byte[] open(byte[] sealed, String context) throws GeneralSecurityException {
        return Sealing.open(key, sealed, context);
    }
}
