package io.parley.common.api;

import java.util.Optional;
import java.util.UUID;

import io.parley.common.api.error.ApiException;

/** Object ids in paths and parameters are UUIDs; text that is not one names no object. */
public final class ApiIds {

    private ApiIds() {
    }

    /**
     * An optional UUID query parameter, such as {@code tenant_id}: {@code null} when not given.
     *
     * @throws ApiException 400 naming the parameter when it is not a UUID
     */
    public static UUID queryParameter(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return parse(value).orElseThrow(() -> ApiException.invalidParameter(name,
                name + " must be a UUID"));
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
