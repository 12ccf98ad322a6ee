package io.parley.call.recorder;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.security.Caller;
import io.parley.common.security.SystemTenant;

/**
 * The tenant a recorder reports for (docs/recorder-events.md, "Recorders and tenants"): a recorder is a user whose
 * role holds {@code recorder:publish}, and writes only into its own tenant, the tenant of the user it authenticated
 * as, whatever its requests say. Root and the System tenant's recorders serve every tenant.
 */
@ApplicationScoped
public class Recorders {

    private final SystemTenant systemTenant;

    Recorders(SystemTenant systemTenant) {
        this.systemTenant = systemTenant;
    }

    /** The caller's tenant; empty for a recorder that serves every tenant. */
    public Optional<UUID> tenantOf(Caller caller) {
        return caller.isRoot() || systemTenant.is(caller.tenantId()) ? Optional.empty()
                : Optional.of(caller.tenantId());
    }
}
