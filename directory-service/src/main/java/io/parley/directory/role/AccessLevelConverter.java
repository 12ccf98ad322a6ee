package io.parley.directory.role;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.parley.directory.access.AccessLevel;

/** Stores an access level under its wire name, the same text the API and the database check use. */
@Converter(autoApply = true)
public class AccessLevelConverter implements AttributeConverter<AccessLevel, String> {

    @Override
    public String convertToDatabaseColumn(AccessLevel level) {
        return level == null ? null : level.wireName();
    }

    @Override
    public AccessLevel convertToEntityAttribute(String wireName) {
        return wireName == null ? null
                : AccessLevel.fromWireName(wireName)
                        .orElseThrow(() -> new IllegalStateException("Unknown access level " + wireName));
    }
}
