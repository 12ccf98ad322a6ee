package io.parley.common.directory;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.parley.common.security.SystemTenant;

/**
 * The System tenant as a service's replica of the directory knows it: the existing tenant the directory's events mark
 * as the System tenant ({@code data.system_tenant}, docs/events.md). Never by name: a name is only a name, and
 * another tenant may be given one that looks like the System tenant's. An alternative with a priority, so that it is
 * chosen over any other {@link SystemTenant} of a service that has the replica.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ReplicaSystemTenant implements SystemTenant {

    @Override
    public boolean is(UUID tenantId) {
        return tenantId != null && KnownTenant.findLive(tenantId).filter(tenant -> tenant.system).isPresent();
    }
}
