package io.parley.directory.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.client.Client;
import io.parley.directory.client.ClientView;
import io.parley.directory.group.Group;
import io.parley.directory.group.GroupView;
import io.parley.directory.role.Role;
import io.parley.directory.role.RoleView;
import io.parley.directory.user.User;
import io.parley.directory.user.UserLinks;
import io.parley.directory.user.UserView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Publishes the deletion of every user, client, group and role a tenant owns, as their tenant's deletion removes them:
 * each object's last event on {@code directory.events} is its own deletion, so that the compacted topic still tells
 * a new consumer that it is gone (docs/events.md). Each object is locked first, so that no change of it in flight
 * publishes a later revision.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OwnedObjectDeletions {

    /** How many objects are read, and their events recorded, at a time. */
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final UserLinks links;
    private final EntityManager entityManager;

    OwnedObjectDeletions(Outbox outbox, UserLinks links, EntityManager entityManager) {
        this.outbox = outbox;
        this.links = links;
        this.entityManager = entityManager;
    }

    public void publishDeletions(UUID tenantId) {
        publish(User.class, tenantId, users -> {
            List<UUID> ids = users.stream().map(user -> user.id).toList();
            Map<UUID, List<String>> extensions = links.extensionsOf(ids);
            Map<UUID, List<UUID>> managedGroups = links.managedGroupsOf(ids);
            return users.stream().map(user -> message(user.id, DirectoryEvents.USER_DELETED, tenantId, user.revision,
                    UserView.of(user, extensions.getOrDefault(user.id, List.of()),
                            managedGroups.getOrDefault(user.id, List.of())).event()))
                    .toList();
        });
        publish(Client.class, tenantId, clients -> {
            Client.fetchContacts(clients);
            return clients.stream().map(client -> message(client.id, DirectoryEvents.CLIENT_DELETED, tenantId,
                    client.revision, ClientView.of(client).event())).toList();
        });
        publish(Group.class, tenantId, groups -> groups.stream()
                .map(group -> message(group.id, DirectoryEvents.GROUP_DELETED, tenantId, group.revision,
                        GroupView.of(group).event()))
                .toList());
        publish(Role.class, tenantId, roles -> roles.stream()
                .map(role -> message(role.id, DirectoryEvents.ROLE_DELETED, tenantId, role.revision,
                        RoleView.of(role).event()))
                .toList());
    }

    /** Locks the tenant's objects of one kind and records a deletion event for each, some hundreds at a time. */
    private <T extends PanacheEntityBase> void publish(Class<T> type, UUID tenantId,
            Function<List<T>, List<Outbox.Message>> deletions) {
        List<T> objects = entityManager
                .createQuery("FROM " + entityManager.getMetamodel().entity(type).getName()
                        + " o WHERE o.tenantId = :tenant ORDER BY o.id", type)
                .setParameter("tenant", tenantId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (int from = 0; from < objects.size(); from += BATCH) {
            List<T> batch = objects.subList(from, Math.min(objects.size(), from + BATCH));
            outbox.publishAll(DirectoryEvents.TOPIC, DirectoryEvents.VERSION, deletions.apply(batch));
        }
    }

    private static Outbox.Message message(UUID id, String type, UUID tenantId, long revision, Object document) {
        return new Outbox.Message(id.toString(), type, tenantId, revision + 1, document);
    }
}
