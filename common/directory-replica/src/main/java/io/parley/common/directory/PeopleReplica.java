package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.common.events.EventEnvelope;
import io.parley.common.events.directory.ClientData;
import io.parley.common.events.directory.UserData;

/**
 * The users (with their logins and extensions) and clients (with their contacts' phone numbers) the directory
 * announced, kept as calls are matched to them and searched by them: {@code known_user}, {@code known_user_extension},
 * {@code known_client},
 * {@code known_client_phone}. A row takes an event of a higher revision than the one it reflects
 * ({@link Revisions}); a delete leaves a tombstone that nothing brings back, and takes the numbers with it.
 */
@ApplicationScoped
public class PeopleReplica {

    private final EntityManager entityManager;
    private final Event<UserExtensionsKnown> extensionsKnown;

    PeopleReplica(EntityManager entityManager, Event<UserExtensionsKnown> extensionsKnown) {
        this.entityManager = entityManager;
        this.extensionsKnown = extensionsKnown;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyUser(EventEnvelope event, UserData.User user, boolean deleted) {
        UUID id = user.userId();
        UUID tenant = user.tenantId();
        deleted = deleted || tenantDeleted(tenant);
        boolean applied = upsert("known_user", "group_id", id, tenant, user.groupId(), user.name(), event, deleted);
        if (applied) {
            entityManager.createNativeQuery("UPDATE known_user SET login = :login WHERE id = :id")
                    .setParameter("login", user.login())
                    .setParameter("id", id).executeUpdate();
            Set<String> extensions = new LinkedHashSet<>(user.extensions());
            replaceNumbers("known_user_extension", "user_id", "extension", id, tenant, deleted ? Set.of() : extensions);
            if (!deleted && !extensions.isEmpty()) {
                extensionsKnown.fire(new UserExtensionsKnown(id, tenant, extensions));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClient(EventEnvelope event, ClientData.Client client, boolean deleted) {
        UUID id = client.clientId();
        UUID tenant = client.tenantId();
        deleted = deleted || tenantDeleted(tenant);
        boolean applied = upsert("known_client", null, id, tenant, null, client.name(), event, deleted);
        if (applied) {
            Set<String> phones = new LinkedHashSet<>(client.phoneNumbers());
            replaceNumbers("known_client_phone", "client_id", "phone_number", id, tenant, deleted ? Set.of() : phones);
        }
    }

    /**
     * A deleted tenant takes its users and clients with it (the directory publishes no event of theirs for it): they
     * become tombstones and their numbers go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetTenant(UUID tenant, OffsetDateTime deletedAt) {
        for (String table : new String[] { "known_user_extension", "known_client_phone" }) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE tenant_id = :tenant")
                    .setParameter("tenant", tenant).executeUpdate();
        }
        for (String table : new String[] { "known_user", "known_client" }) {
            entityManager.createNativeQuery("UPDATE " + table + " SET deleted_at = :deleted"
                    + " WHERE tenant_id = :tenant AND deleted_at IS NULL")
                    .setParameter("tenant", tenant).setParameter("deleted", deletedAt).executeUpdate();
        }
    }

    /**
     * Whether the replica knows the tenant as deleted: its users and clients are then deleted too, whatever event of
     * theirs arrives after the tenant's deletion (on another partition, or from before the directory published each
     * owned object's deletion).
     */
    private boolean tenantDeleted(UUID tenant) {
        return !entityManager.createNativeQuery("SELECT 1 FROM known_tenant WHERE id = :tenant AND deleted_at IS NOT NULL")
                .setParameter("tenant", tenant).getResultList().isEmpty();
    }

    /** @return whether the event was newer than the row (or made it), and so was applied */
    private boolean upsert(String table, String groupColumn, UUID id, UUID tenant, UUID group, String name,
            EventEnvelope event, boolean deleted) {
        String groupInsert = groupColumn == null ? "" : ", " + groupColumn;
        String groupValue = groupColumn == null ? "" : ", CAST(:group AS uuid)";
        String groupUpdate = groupColumn == null ? "" : ", " + groupColumn + " = EXCLUDED." + groupColumn;
        var query = entityManager.createNativeQuery("INSERT INTO " + table + " AS t (id, tenant_id" + groupInsert
                + ", name, revision, changed_at, deleted_at) VALUES (:id, :tenant" + groupValue
                + ", :name, :revision, :changed, CAST(:deleted AS timestamptz))"
                + " ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id" + groupUpdate
                + ", name = EXCLUDED.name, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at,"
                + " deleted_at = EXCLUDED.deleted_at WHERE t.deleted_at IS NULL"
                + " AND (EXCLUDED.deleted_at IS NOT NULL OR " + Revisions.IS_NEWER_SQL + ")")
                .setParameter("id", id)
                .setParameter("revision", event.revisionOrZero())
                .setParameter("tenant", tenant)
                .setParameter("name", name)
                .setParameter("changed", event.occurredAt())
                .setParameter("deleted", deleted ? event.occurredAt() : null);
        if (groupColumn != null) {
            query.setParameter("group", group == null ? null : group.toString());
        }
        return query.executeUpdate() == 1;
    }

    private void replaceNumbers(String table, String ownerColumn, String numberColumn, UUID owner, UUID tenant,
            Set<String> numbers) {
        entityManager.createNativeQuery("DELETE FROM " + table + " WHERE " + ownerColumn + " = :owner")
                .setParameter("owner", owner).executeUpdate();
        for (String number : numbers) {
            entityManager.createNativeQuery("INSERT INTO " + table + " (" + ownerColumn + ", tenant_id, "
                    + numberColumn + ") VALUES (:owner, :tenant, :number)")
                    .setParameter("owner", owner).setParameter("tenant", tenant).setParameter("number", number)
                    .executeUpdate();
        }
    }
}
