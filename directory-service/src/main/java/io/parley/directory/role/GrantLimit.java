package io.parley.directory.role;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.directory.access.Access;
import io.parley.directory.access.AccessLevel;
import io.quarkus.security.ForbiddenException;

/**
 * Nobody grants what they do not hold (docs/permissions.md, "Nobody grants what they do not hold"). A role is within
 * a caller's limit when its access level is not above the caller's and the caller holds each of its permissions; a
 * user is when their role is and every group they manage is one the caller may put users in. Every path that makes a
 * role or a user reach somewhere checks here: creating a role, changing one (as it is and as it will be), giving a
 * user a role, and changing or deleting a user (as they are: whoever could reset their password could act as them).
 * Root has no limit.
 */
public final class GrantLimit {

    /** A caller holding the operation on the wider resource holds it on the narrower: own calls are among the calls. */
    private static final Map<String, String> WIDER = Map.of("calls_own", "calls");

    private GrantLimit() {
    }

    /** Refuses (403) a role of this level and these permissions beyond the caller's limit. */
    public static void checkRole(Access access, AccessLevel level, Map<String, List<String>> permissions) {
        if (!allowsRole(access, level, permissions)) {
            throw new ForbiddenException();
        }
    }

    /**
     * Refuses (403) a user beyond the caller's limit: on a role beyond it, or managing a group the caller may not put
     * users in. A user's managed groups are groups of the user's tenant.
     */
    public static void checkUser(Access access, Role role, UUID tenantId, Collection<UUID> managedGroups) {
        if (access.isRoot()) {
            return;
        }
        boolean groupsWithin = managedGroups.stream().allMatch(group -> access.userGroups().includes(tenantId, group));
        if (!groupsWithin || role != null && !allowsRole(access, role.accessLevel, role.permissions)) {
            throw new ForbiddenException();
        }
    }

    /** Whether the role is within the caller's limit; {@code null} permissions are none. */
    public static boolean allowsRole(Access access, AccessLevel level, Map<String, List<String>> permissions) {
        if (access.isRoot()) {
            return true;
        }
        boolean levelWithin = level.ordinal() >= access.level().ordinal();
        return levelWithin && (permissions == null || permissions.entrySet().stream()
                .allMatch(entry -> entry.getValue() == null
                        || entry.getValue().stream().allMatch(operation -> holds(access, entry.getKey(), operation))));
    }

    private static boolean holds(Access access, String resource, String operation) {
        String wider = WIDER.get(resource);
        return access.permissions().contains(resource + ":" + operation)
                || wider != null && access.permissions().contains(wider + ":" + operation);
    }
}
