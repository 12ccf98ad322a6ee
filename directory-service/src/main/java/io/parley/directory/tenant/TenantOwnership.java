package io.parley.directory.tenant;

import java.util.UUID;

import io.parley.common.api.error.FieldErrors;
import io.parley.directory.access.Scope;

/**
 * The {@code tenant_id} rules every object a tenant owns (group, role, client) shares: required and existing on
 * create, fixed afterwards.
 */
public final class TenantOwnership {

    private TenantOwnership() {
    }

    /**
     * @param writable the tenants the caller may add such objects to; another tenant reads as a missing one
     * @return the tenant id when it names an existing tenant the caller may add to; otherwise {@code null}, with the
     *         error recorded
     */
    public static UUID checkOnCreate(UUID tenantId, Scope writable, FieldErrors errors) {
        if (tenantId == null) {
            errors.blank("tenant_id");
            return null;
        }
        if (!writable.takes(tenantId) || Tenant.findByIdOptional(tenantId).isEmpty()) {
            errors.invalid("tenant_id", "is not an existing tenant you may add to");
            return null;
        }
        return tenantId;
    }

    /** An update may repeat the owner's tenant id, never name another one. */
    public static void checkOnUpdate(UUID given, UUID owner, FieldErrors errors) {
        if (given != null && !given.equals(owner)) {
            errors.invalid("tenant_id", "cannot be changed: an object stays in the tenant that owns it");
        }
    }
}
