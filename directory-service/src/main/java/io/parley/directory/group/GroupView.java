package io.parley.directory.group;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.parley.common.events.directory.GroupData;

/** A group as the API shows it (reference 3.4.1); the directory's events carry the same fields ({@link #event}). */
@Schema(requiredProperties = { "group_id", "tenant_id", "name", "timezone" })
public record GroupView(UUID groupId, UUID tenantId, String name, @Schema(nullable = true) String timezone) {

    public static GroupView of(Group group) {
        return new GroupView(group.id, group.tenantId, group.name, group.timezone);
    }

    /** The {@code data} of the group's events. */
    public GroupData event() {
        return new GroupData(new GroupData.Group(groupId, tenantId, name, timezone));
    }

    /** The single-object envelope: {@code {"group": {...}}}. */
    @Schema(name = "GroupDocument", requiredProperties = "group")
    public record Document(GroupView group) {
    }
}
