package io.parley.common.directory;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.security.SystemTenant;

/**
 * The System tenant as a service's replica of the directory knows it: the existing tenant with the name the directory
 * gave it at first start ({@code parley.bootstrap.system-tenant-name}, as directory-service reads it). Tenant names
 * are unique; the directory's events do not say which tenant is the System tenant, so a System tenant renamed in the
 * directory needs this setting changed with it. An alternative with a priority, so that it is chosen over any other
 * {@link SystemTenant} of a service that has the replica.
 */
@Alternative
@Priority(1)
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
