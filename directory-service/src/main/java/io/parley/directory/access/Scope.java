package io.parley.directory.access;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/**
 * The objects of one kind a caller reaches: all of them, those of one tenant, or those with the given ids (none when
 * there are no ids). Objects are tenant-owned: each has an id and a tenant.
 */
public record Scope(boolean all, UUID tenantId, Set<UUID> ids) {

    public static final Scope ALL = new Scope(true, null, Set.of());
    public static final Scope NONE = new Scope(false, null, Set.of());

    public Scope {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    public static Scope tenant(UUID tenantId) {
        return new Scope(false, tenantId, Set.of());
    }

    public static Scope only(Collection<UUID> ids) {
        return new Scope(false, null, Set.copyOf(ids));
    }

    public boolean includes(UUID objectTenant, UUID objectId) {
        return all || tenantId != null && tenantId.equals(objectTenant) || ids.contains(objectId);
    }

    /** Whether new objects may be created in the tenant: only a scope of all tenants or of that tenant takes them. */
    public boolean takes(UUID tenant) {
        return all || tenant != null && tenant.equals(tenantId);
    }

    /**
     * A JPQL condition limiting {@code alias}'s entities (with {@code tenantId} and {@code id}) to the scope; its
     * parameters are added to {@code parameters}.
     */
    public String where(String alias, Parameters parameters) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        if (all) {
            return "1 = 1";
        }
        if (tenantId != null) {
            parameters.and("scopeTenant", tenantId);
            return prefix + "tenantId = :scopeTenant";
        }
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        parameters.and("scopeIds", ids);
        return prefix + "id IN :scopeIds";
    }
}
