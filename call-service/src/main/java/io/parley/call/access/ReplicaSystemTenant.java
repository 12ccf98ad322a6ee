package io.parley.call.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.directory.KnownTenant;
import io.parley.common.security.SystemTenant;

/**
 * The System tenant as call-service's replica of the directory knows it: the existing tenant with the name the
 * directory gave it at first start ({@code parley.bootstrap.system-tenant-name}, as directory-service reads it).
 * Tenant names are unique; the directory's events do not say which tenant is the System tenant, so a System tenant
 * renamed in the directory needs this setting changed with it.
 */
@ApplicationScoped
public class ReplicaSystemTenant implements SystemTenant {

    private final String name;

    ReplicaSystemTenant(
            @ConfigProperty(name = "parley.bootstrap.system-tenant-name", defaultValue = "System") String name) {
        this.name = name;
    }

    @Override
    public boolean is(UUID tenantId) {
        return tenantId != null && KnownTenant.findLive(tenantId).filter(tenant -> tenant.name.equalsIgnoreCase(name))
                .isPresent();
    }
}
