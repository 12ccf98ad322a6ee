package io.parley.directory.role;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.parley.common.events.directory.RoleData;
import io.parley.directory.access.AccessLevel;

/** A role as the API shows it (reference 3.5.1); the directory's events carry the same fields ({@link #event}). */
@Schema(requiredProperties = { "role_id", "tenant_id", "name", "access_level", "permissions" })
public record RoleView(UUID roleId, UUID tenantId, String name, AccessLevel accessLevel,
        Map<String, List<String>> permissions) {

    public static RoleView of(Role role) {
        return new RoleView(role.id, role.tenantId, role.name, role.accessLevel, role.permissions);
    }

    /** The {@code data} of the role's events. */
    public RoleData event() {
        return new RoleData(new RoleData.Role(roleId, tenantId, name,
                accessLevel == null ? null : accessLevel.wireName(), permissions));
    }

    /** The single-object envelope: {@code {"role": {...}}}. */
    @Schema(name = "RoleDocument", requiredProperties = "role")
    public record Document(RoleView role) {
    }
}
