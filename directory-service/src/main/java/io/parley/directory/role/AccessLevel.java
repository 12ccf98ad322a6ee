package io.parley.directory.role;

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
}
