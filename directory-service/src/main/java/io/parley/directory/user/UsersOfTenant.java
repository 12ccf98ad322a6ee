package io.parley.directory.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.tenant.OwnedObjects;

/** A tenant's users as its deletion removes them: each deletion event carries the user with its links. */
@ApplicationScoped
class UsersOfTenant implements OwnedObjects<User> {

    private final UserLinks links;

    UsersOfTenant(UserLinks links) {
        this.links = links;
    }

    @Override
    public Kind kind() {
        return Kind.USERS;
    }

    @Override
    public Class<User> type() {
        return User.class;
    }

    @Override
    public List<Outbox.Message> deletions(UUID tenantId, List<User> users) {
        List<UUID> ids = users.stream().map(user -> user.id).toList();
        Map<UUID, List<String>> extensions = links.extensionsOf(ids);
        Map<UUID, List<UUID>> managedGroups = links.managedGroupsOf(ids);
        return users.stream().map(user -> OwnedObjects.deletion(user.id, DirectoryEvents.USER_DELETED, tenantId,
                user.revision, UserView.of(user, extensions.getOrDefault(user.id, List.of()),
                        managedGroups.getOrDefault(user.id, List.of())).event()))
                .toList();
    }
}
