package io.parley.directory.tenant;

import java.util.List;
import java.util.UUID;

import io.parley.common.events.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One kind of object a tenant owns, which goes when the tenant is deleted: the feature that holds the kind says which
 * entity it is and what each object's deletion event carries. Declared here and implemented by the user, client,
 * group and role features, which depend on tenant and never the other way; {@link OwnedObjectDeletions} calls them.
 *
 * @param <T> the entity of the kind, whose {@code tenantId} names its tenant
 */
public interface OwnedObjects<T extends PanacheEntityBase> {

    /**
     * The kinds, in the order their deletions are published: users first, as they hold groups and roles, then clients,
     * groups and roles, so that no consumer of the compacted topic is left with a user whose group or role is gone.
     */
    enum Kind {
        USERS,
        CLIENTS,
        GROUPS,
        ROLES
    }

    Kind kind();

    Class<T> type();

    /** The deletion event of each object of a batch, all of the tenant being deleted and locked. */
    List<Outbox.Message> deletions(UUID tenantId, List<T> batch);

    /** The deletion of one object, at the revision after its last one. */
    static Outbox.Message deletion(UUID id, String type, UUID tenantId, long revision, Object document) {
        return new Outbox.Message(id.toString(), type, tenantId, revision + 1, document);
    }
}
