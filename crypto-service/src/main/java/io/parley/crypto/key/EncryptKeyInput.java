package io.parley.crypto.key;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a new key (reference 3.3.3): generated ({@code add_type=generate}, {@code key_length} or the
 * reference's own spelling {@code key_lenght}) or imported ({@code add_type=import}, {@code public_key}, optional
 * {@code private_key} and {@code private_key_password}). Read-only fields sent back are ignored.
 */
@JsonIgnoreProperties(value = { "key_id", "fingerprint", "has_private_key" })
public record EncryptKeyInput(String name, UUID tenantId, String protectionMode, String addType, Boolean isActive,
        Integer keyLength, Integer keyLenght, String publicKey, String privateKey, String privateKeyPassword) {

    /** Never shows the private key or its password. */
    @Override
    public String toString() {
        return "EncryptKeyInput[name=" + name + ", tenantId=" + tenantId + ", addType=" + addType + "]";
    }

    /** The request envelope: {@code {"encrypt_key": {...}}}. */
    @Schema(name = "EncryptKeyInputDocument")
    public record Document(EncryptKeyInput encryptKey) {
    }

    /**
     * What an update may change (reference 3.3.4): {@code name} and {@code is_active}. The read-only fields are
     * ignored; anything else is refused as unknown.
     */
    @JsonIgnoreProperties(value = { "key_id", "tenant_id", "fingerprint", "public_key", "protection_mode",
            "key_length", "has_private_key" })
    @Schema(name = "EncryptKeyUpdate")
    public record Update(String name, Boolean isActive) {

        @Schema(name = "EncryptKeyUpdateDocument")
        public record Document(Update encryptKey) {
        }
    }
}
