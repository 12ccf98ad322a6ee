package io.parley.crypto.key;

import java.util.UUID;

import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;

/** The id of an encryption key in a request's path: one that is not a UUID names no key (404). */
public final class KeyIds {

    private KeyIds() {
    }

    public static UUID parse(String keyId) {
        return ApiIds.parse(keyId).orElseThrow(() -> ApiException.notFound("Encrypt key"));
    }
}
