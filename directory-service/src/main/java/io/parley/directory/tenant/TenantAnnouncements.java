package io.parley.directory.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start, publishes again the tenants a migration marked ({@link TenantService#announceAgain}): how replicas that
 * hold a tenant's earlier events learn what its events gained since, such as which tenant is the System tenant.
 */
@ApplicationScoped
class TenantAnnouncements {

    private final TenantService tenants;

    TenantAnnouncements(TenantService tenants) {
        this.tenants = tenants;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(tenants::announceAgain);
    }
}
