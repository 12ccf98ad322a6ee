package io.parley.call.encryption;

import java.util.UUID;

/** An encrypted file's data key as its record keeps it: wrapped (base64) to the tenant key {@code keyId}. */
public record WrappedDataKey(UUID keyId, String wrapped) {

    @Override
    public String toString() {
        return "WrappedDataKey[" + keyId + "]";
    }
}
