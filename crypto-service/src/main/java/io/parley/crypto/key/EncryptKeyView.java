package io.parley.crypto.key;

import java.util.Base64;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.parley.common.events.key.EncryptKeyData;

/**
 * A key as the API shows it (reference 3.3.2): the public half only. {@code public_key} is base64 of the X.509 public
 * key (DER), as in the reference's example. {@code crypto.keys} events carry the same fields ({@link #event()}).
 */
@Schema(requiredProperties = { "key_id", "tenant_id", "name", "is_active", "fingerprint", "public_key",
        "protection_mode", "key_length", "has_private_key" })
public record EncryptKeyView(UUID keyId, UUID tenantId, String name, boolean isActive, String fingerprint,
        String publicKey, String protectionMode, int keyLength, boolean hasPrivateKey) {

    public static EncryptKeyView of(EncryptKey key) {
        return new EncryptKeyView(key.id, key.tenantId, key.name, key.active, key.fingerprint,
                Base64.getEncoder().encodeToString(key.publicKey), key.protectionMode, key.keyLength,
                key.sealedPrivateKey != null);
    }

    /** The {@code data} of the key's {@code crypto.keys} events. */
    public EncryptKeyData event() {
        return new EncryptKeyData(new EncryptKeyData.EncryptKey(keyId, tenantId, name, isActive, fingerprint,
                publicKey, protectionMode, keyLength, hasPrivateKey));
    }

    /** The single-object envelope: {@code {"encrypt_key": {...}}}. */
    @Schema(name = "EncryptKeyDocument", requiredProperties = "encrypt_key")
    public record Document(EncryptKeyView encryptKey) {
    }
}
