package io.parley.crypto.key;

import java.util.UUID;

import io.parley.common.security.Caller;

/**
 * Which keys a caller reaches (docs/permissions.md): root and the System tenant's {@code system} users every tenant's;
 * everyone else their own tenant's. Only root, system-wide users and a tenant's {@code system} users change keys
 * and grants; the other levels read.
 */
public final class KeyAccess {

    private KeyAccess() {
    }

    /** The one tenant the caller's lists are limited to, or {@code null} for all. */
    public static UUID listedTenant(Caller caller) {
        return caller.seesAllTenants() ? null : caller.tenantId();
    }

    public static boolean sees(Caller caller, UUID tenantId) {
        return caller.seesAllTenants() || caller.tenantId().equals(tenantId);
    }

    public static boolean changes(Caller caller, UUID tenantId) {
        return caller.seesAllTenants() || caller.isSystem() && caller.tenantId().equals(tenantId);
    }
}
