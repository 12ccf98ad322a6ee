package io.parley.directory.access;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a role reaches (reference 3.5.1): everything, a tenant, managed groups, or the user's own calls. */
public enum AccessLevel {
    ROOT("root"),
    SYSTEM("system"),
    MANAGED_GROUPS("managed_groups"),
    USER("user");

    private final String wireName;

    AccessLevel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The level the API and the database call {@code wireName}, if there is one; exact, case-sensitive. */
    public static Optional<AccessLevel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(level -> level.wireName.equals(wireName)).findFirst();
    }
}
