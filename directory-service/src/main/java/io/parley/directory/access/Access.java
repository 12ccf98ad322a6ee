package io.parley.directory.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.security.Caller;

/**
 * What one caller reaches in the directory, by the access scope of its role (docs/permissions.md, "What each access
 * level sees"): which objects it sees and which it may change; {@link GrantLimit} decides what it may hand out.
 * Permissions per endpoint are checked before this, by the resources' annotations.
 */
public final class Access {

    /** The installation itself (first-start bootstrap): everything, nobody to protect from. */
    public static final Access INSTALLATION = new Access(AccessLevel.ROOT, true, null, null, null, null, List.of(),
            Set.of());

    private final AccessLevel level;
    private final boolean allTenants;
    private final UUID userId;
    private final UUID tenantId;
    private final UUID groupId;
    private final UUID roleId;
    private final List<UUID> managedGroups;
    private final Set<String> permissions;

    private Access(AccessLevel level, boolean allTenants, UUID userId, UUID tenantId, UUID groupId, UUID roleId,
            List<UUID> managedGroups, Set<String> permissions) {
        this.level = level;
        this.allTenants = allTenants;
        this.userId = userId;
        this.tenantId = tenantId;
        this.groupId = groupId;
        this.roleId = roleId;
        this.managedGroups = managedGroups;
        this.permissions = permissions;
    }

    /** The access of the request's caller; a token with an unknown access level reaches nothing beyond itself. */
    public static Access of(Caller caller) {
        AccessLevel level = AccessLevel.fromWireName(caller.accessLevel()).orElse(AccessLevel.USER);
        return new Access(level, caller.seesAllTenants(), caller.userId(), caller.tenantId(),
                caller.identity().groupId(), caller.identity().roleId(), caller.managedGroups(),
                caller.identity().permissions());
    }

    public boolean isRoot() {
        return level == AccessLevel.ROOT;
    }

    public AccessLevel level() {
        return level;
    }

    /** The permissions of the caller's role, as {@code resource:operation} names ({@link GrantLimit} reads them). */
    public Set<String> permissions() {
        return permissions;
    }

    /** Root, or a {@code system} user of the System tenant. */
    public boolean allTenants() {
        return allTenants;
    }

    public UUID userId() {
        return userId;
    }

    // --- what the caller sees ---

    /** Root and system-wide callers see every tenant; everybody else their own. */
    public Scope tenants() {
        return allTenants ? Scope.ALL : Scope.tenant(tenantId);
    }

    /** The tenant's groups for {@code system}; the managed ones for {@code managed_groups}; a user's own group. */
    public Scope groups() {
        if (allTenants) {
            return Scope.ALL;
        }
        return switch (level) {
            case ROOT, SYSTEM -> Scope.tenant(tenantId);
            case MANAGED_GROUPS -> Scope.only(managedGroups);
            case USER -> groupId == null ? Scope.NONE : Scope.only(List.of(groupId));
        };
    }

    /** The tenant's roles for {@code system} and {@code managed_groups} (a manager reads its users' roles). */
    public Scope roles() {
        if (allTenants) {
            return Scope.ALL;
        }
        return level == AccessLevel.USER ? Scope.only(List.of(roleId)) : Scope.tenant(tenantId);
    }

    /** Clients are the tenant's address book: every level sees its tenant's. */
    public Scope clients() {
        return tenants();
    }

    /** The tenant's users for {@code system}; the managed groups' users and oneself for a manager; oneself. */
    public UserScope users() {
        if (allTenants) {
            return UserScope.ALL;
        }
        return switch (level) {
            case ROOT, SYSTEM -> new UserScope(false, tenantId, Set.of(), null);
            case MANAGED_GROUPS -> new UserScope(false, null, Set.copyOf(managedGroups), userId);
            case USER -> new UserScope(false, null, Set.of(), userId);
        };
    }

    // --- what the caller may change ---

    /** Tenants are created, changed and deleted by root and system-wide callers only. */
    public Scope writableTenants() {
        return allTenants ? Scope.ALL : Scope.NONE;
    }

    /** Groups, roles and clients are changed by {@code system} callers (and above) in their scope. */
    public Scope writableTenantObjects() {
        if (allTenants) {
            return Scope.ALL;
        }
        return level == AccessLevel.SYSTEM ? Scope.tenant(tenantId) : Scope.NONE;
    }

    /** The groups the caller may put users in (or make them manage). */
    public Scope userGroups() {
        if (allTenants) {
            return Scope.ALL;
        }
        return switch (level) {
            case ROOT, SYSTEM -> Scope.tenant(tenantId);
            case MANAGED_GROUPS -> Scope.only(managedGroups);
            case USER -> Scope.NONE;
        };
    }

    /** Whether the role is the caller's own. */
    public boolean holds(UUID role) {
        return roleId != null && roleId.equals(role);
    }
}
