package io.parley.directory.tenant;

import java.util.UUID;

/** A tenant as the API shows it (reference 3.6.1), and as the directory's events carry it. */
public record TenantView(UUID tenantId, String name, String timezone, Boolean encryptData) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id, tenant.name, tenant.timezone, tenant.encryptData);
    }

    /** The single-object envelope: {@code {"tenant": {...}}}. */
    public record Document(TenantView tenant) {
    }
}
