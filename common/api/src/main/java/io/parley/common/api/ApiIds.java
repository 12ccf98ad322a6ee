package io.parley.common.api;

import java.util.Optional;
import java.util.UUID;

/** Object ids in paths and parameters are UUIDs; text that is not one names no object. */
public final class ApiIds {

    private ApiIds() {
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
