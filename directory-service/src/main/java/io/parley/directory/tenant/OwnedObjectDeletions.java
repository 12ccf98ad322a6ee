package io.parley.directory.tenant;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.quarkus.arc.All;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Publishes the deletion of every user, client, group and role a tenant owns, as their tenant's deletion removes them:
 * each object's last event on {@code directory.events} is its own deletion, so that the compacted topic still tells
 * a new consumer that it is gone (docs/events.md). Each object is locked first, so that no change of it in flight
 * publishes a later revision. The kinds come in the order of {@link OwnedObjects.Kind}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OwnedObjectDeletions {

    /** How many objects are read, and their events recorded, at a time. */
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final List<OwnedObjects<?>> kinds;

    OwnedObjectDeletions(Outbox outbox, EntityManager entityManager, @All List<OwnedObjects<?>> kinds) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.kinds = kinds.stream().sorted(Comparator.comparing(OwnedObjects::kind)).toList();
    }

    public void publishDeletions(UUID tenantId) {
        kinds.forEach(kind -> publish(kind, tenantId));
    }

    private <T extends PanacheEntityBase> void publish(OwnedObjects<T> kind, UUID tenantId) {
        publish(kind.type(), tenantId, batch -> kind.deletions(tenantId, batch));
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
}
