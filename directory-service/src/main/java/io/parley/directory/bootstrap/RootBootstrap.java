package io.parley.directory.bootstrap;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.parley.directory.access.Access;
import io.parley.directory.access.AccessLevel;
import io.parley.directory.role.Role;
import io.parley.directory.role.RoleInput;
import io.parley.directory.role.RoleService;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.tenant.TenantService;
import io.parley.directory.user.UserService;
import io.parley.directory.user.UserView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * On the first start against an empty database, creates the System tenant, a root role and the root user whose login
 * and password come from configuration. Nothing else is created, and nothing at all once the directory has a tenant.
 */
@ApplicationScoped
public class RootBootstrap {

    private static final Logger LOG = Logger.getLogger(RootBootstrap.class);
    private static final long ADVISORY_LOCK = 0x5061726c65794253L; // "ParleyBS"

    private final BootstrapConfig config;
    private final TenantService tenants;
    private final RoleService roles;
    private final UserService users;
    private final EntityManager entityManager;

    RootBootstrap(BootstrapConfig config, TenantService tenants, RoleService roles, UserService users,
            EntityManager entityManager) {
        this.config = config;
        this.tenants = tenants;
        this.roles = roles;
        this.users = users;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::bootstrapIfEmpty);
    }

    private void bootstrapIfEmpty() {
        // replicas starting together: one creates, the others wait and then find the tenant
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADVISORY_LOCK)
                .getSingleResult();
        if (Tenant.count() > 0) {
            return;
        }
        String password = config.rootPassword().filter(p -> !p.isBlank()).orElseThrow(() -> new IllegalStateException(
                "The directory is empty: set parley.bootstrap.root-password (PARLEY_BOOTSTRAP_ROOT_PASSWORD) "
                        + "for the root user created on first start"));
        Tenant system = tenants.createSystemTenant(config.systemTenantName());
        Role root = roles.create(Access.INSTALLATION, new RoleInput(system.id, "Root", AccessLevel.ROOT.wireName(), Map.of()));
        UserView user = users.createRoot(system.id, root.id, config.rootLogin(), password);
        LOG.infof("Created the System tenant and the root user '%s'", user.fieldsetLogin().login());
    }
}
