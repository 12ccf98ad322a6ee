package io.parley.directory.group;

import java.util.UUID;

/** A group as the API shows it (reference 3.4.1), and as the directory's events carry it. */
public record GroupView(UUID groupId, UUID tenantId, String name, String timezone) {

    public static GroupView of(Group group) {
        return new GroupView(group.id, group.tenantId, group.name, group.timezone);
    }

    /** The single-object envelope: {@code {"group": {...}}}. */
    public record Document(GroupView group) {
    }
}
