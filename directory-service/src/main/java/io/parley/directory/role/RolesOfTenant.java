package io.parley.directory.role;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.tenant.OwnedObjects;

/** A tenant's roles as its deletion removes them. */
@ApplicationScoped
class RolesOfTenant implements OwnedObjects<Role> {

    @Override
    public Kind kind() {
        return Kind.ROLES;
    }

    @Override
    public Class<Role> type() {
        return Role.class;
    }

    @Override
    public List<Outbox.Message> deletions(UUID tenantId, List<Role> roles) {
        return roles.stream().map(role -> OwnedObjects.deletion(role.id, DirectoryEvents.ROLE_DELETED, tenantId,
                role.revision, RoleView.of(role).event())).toList();
    }
}
