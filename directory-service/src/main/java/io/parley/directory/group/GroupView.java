package io.parley.directory.group;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group as the API shows it (reference 3.4.1), and as the directory's events carry it. */
@Schema(requiredProperties = { "group_id", "tenant_id", "name", "timezone" })
public record GroupView(UUID groupId, UUID tenantId, String name, @Schema(nullable = true) String timezone) {

    public static GroupView of(Group group) {
        return new GroupView(group.id, group.tenantId, group.name, group.timezone);
    }

    /** The single-object envelope: {@code {"group": {...}}}. */
    @Schema(name = "GroupDocument", requiredProperties = "group")
    public record Document(GroupView group) {
    }
}
