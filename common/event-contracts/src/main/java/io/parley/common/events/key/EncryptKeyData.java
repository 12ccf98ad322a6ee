package io.parley.common.events.key;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.api.text.BoundedText;
import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code encrypt_key.created}, {@code encrypt_key.updated} and {@code encrypt_key.deleted}: the key
 * as {@code GET /api/v2/encrypt_keys/{id}.json} shows it (for a deletion, as it was). The public half only, never
 * private material.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EncryptKeyData(@NotNull @Valid EncryptKey encryptKey) {

    /**
     * The key (OpenAPI {@code EncryptKeyView}): {@code public_key} is base64 of the X.509 public key (DER), which
     * consumers encrypt data keys with.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EncryptKey(@NotNull UUID keyId, @NotNull UUID tenantId, @Size(max = BoundedText.NAME_BYTES) String name,
            boolean isActive, String fingerprint, @NotNull String publicKey, String protectionMode, int keyLength,
            boolean hasPrivateKey) {
    }
}
