package io.parley.directory.tenant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.security.SystemTenant;

/** The System tenant as the directory stores it: made at first start, never deleted, so its id is read once. */
@ApplicationScoped
public class DirectorySystemTenant implements SystemTenant {

    private volatile UUID id;

    @Override
    public boolean is(UUID tenantId) {
        UUID system = id;
        if (system == null) {
            system = Tenant.<Tenant> find("system", true).firstResultOptional().map(tenant -> tenant.id).orElse(null);
            id = system;
        }
        return system != null && system.equals(tenantId);
    }
}
