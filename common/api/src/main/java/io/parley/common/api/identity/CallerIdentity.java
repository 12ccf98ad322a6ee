package io.parley.common.api.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling the API, as the directory answers the gateway's credential check and as the gateway passes it on to
 * the services inside a signed identity token (see {@link IdentityToken}).
 *
 * @param userId the user
 * @param tenantId the user's tenant
 * @param groupId the user's group, {@code null} for none
 * @param roleId the user's role
 * @param login the user's login
 * @param accessLevel the role's access level: {@code root}, {@code system}, {@code managed_groups} or {@code user}
 * @param managedGroups the groups a {@code managed_groups} user manages; empty for the other levels
 * @param permissions the role's permissions as {@code resource:operation} names, e.g. {@code users:add}
 * @param timezone the IANA timezone the caller's dates are shown in: the user's, else the group's, else the tenant's,
 *        else the system default
 */
public record CallerIdentity(UUID userId, UUID tenantId, UUID groupId, UUID roleId, String login,
        String accessLevel, List<UUID> managedGroups, Set<String> permissions, String timezone) {

    public CallerIdentity {
        managedGroups = managedGroups == null ? List.of() : List.copyOf(managedGroups);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
