package io.parley.directory.provisioning;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.parley.common.api.error.ApiException;
import io.parley.directory.access.Access;
import io.parley.directory.tenant.CallAssociation;
import io.parley.directory.tenant.ExtensionLocks;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.user.UserInput;
import io.parley.directory.user.UserService;
import io.parley.directory.user.UserView;

/**
 * Creates the users that recorded calls ask for (reference 3.6.1, {@code auto_provision}): in the tenant's provision
 * group, with its provision role, holding the extension the call was recorded on, not allowed to log in. Asked for by
 * call-service over Kafka; the tenant's settings at the time of the request decide, and every rule of a user created
 * through the API applies (extension uniqueness, seat licenses). A request that those refuse is logged and dropped.
 */
@ApplicationScoped
public class UserProvisioning {

    private static final Logger LOG = Logger.getLogger(UserProvisioning.class);

    private final UserService users;
    private final ExtensionLocks extensionLocks;
    private final EntityManager entityManager;

    UserProvisioning(UserService users, ExtensionLocks extensionLocks, EntityManager entityManager) {
        this.users = users;
        this.extensionLocks = extensionLocks;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void provision(UUID tenantId, String extension, String name) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !provisions(tenant.association)) {
            LOG.infof("Tenant %s does not provision users (any more): extension %s left unknown", tenantId, extension);
            return;
        }
        // the lock the user write below takes: a user given the extension meanwhile is found here, not refused there
        extensionLocks.lockForAssigning(List.of(extension));
        if (hasUserWith(tenantId, extension)) {
            LOG.debugf("Tenant %s already has a user with extension %s", tenantId, extension);
            return;
        }
        UserInput input = new UserInput(name == null || name.isBlank() ? "Extension " + extension : name.strip(),
                tenant.association.provisionGroupId, tenant.association.provisionRoleId, true, null, null, null,
                new UserInput.Login(false, null, null, null, null, null),
                new UserInput.Recording(null, List.of(extension), null, null, null), null);
        try {
            UserView user = users.create(Access.INSTALLATION, input);
            LOG.infof("Provisioned user %s with extension %s in tenant %s", user.userId(), extension, tenantId);
        } catch (ApiException refused) {
            LOG.warnf("Extension %s of tenant %s was not provisioned: %s", extension, tenantId, refused.getMessage());
        }
    }

    private static boolean provisions(CallAssociation association) {
        return association.autoProvision && "record".equals(association.recordUnknownUsers)
                && association.provisionGroupId != null && association.provisionRoleId != null;
    }

    private boolean hasUserWith(UUID tenantId, String extension) {
        return !entityManager.createNativeQuery("SELECT 1 FROM user_extension e JOIN app_user u ON u.id = e.user_id"
                + " WHERE u.tenant_id = :tenant AND e.extension = :extension")
                .setParameter("tenant", tenantId).setParameter("extension", extension)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
