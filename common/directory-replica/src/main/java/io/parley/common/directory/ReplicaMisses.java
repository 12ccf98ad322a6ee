package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.common.events.directory.TenantData;
import io.parley.common.events.directory.UserData;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The replica's answer about a tenant or user a request names, with a miss checked with the directory before it is
 * refused (docs/reliability.md, read-your-writes): a client that has just created the object through the API finds it
 * here, whether or not the directory's event has arrived. Only a miss is looked up: an object the replica knows, or
 * knows to be deleted, is answered locally. The lookup is made as the caller ({@link DirectoryLookup}), so it finds
 * nothing the caller could not see in the directory itself.
 * <p>
 * An object found so is recorded in the replica only where it has no row yet, marked older than any event of the
 * directory (revision 0, changed at the epoch): the directory's own events, which come in any case, replace it and are
 * never held back by it; a row an event already wrote, or a deletion's tombstone, is left as it is.
 */
@ApplicationScoped
public class ReplicaMisses {

    /** Older than any change the directory has made. */
    static final OffsetDateTime BEFORE_ANY_EVENT = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final DirectoryLookup directory;
    private final EntityManager entityManager;

    ReplicaMisses(DirectoryLookup directory, EntityManager entityManager) {
        this.directory = directory;
        this.entityManager = entityManager;
    }

    /**
     * Whether the tenant exists as far as the caller can tell: live in the replica, or, when the replica has not heard
     * of it, shown to the caller by the directory.
     *
     * @throws io.parley.common.api.error.ApiException {@code 503} when the directory is to be asked and cannot answer
     */
    public boolean tenantExists(UUID id) {
        Optional<KnownTenant> known = KnownTenant.findByIdOptional(id);
        if (known.isPresent()) {
            return known.get().deletedAt == null;
        }
        Optional<TenantData.Tenant> found = directory.tenant(id);
        found.ifPresent(tenant -> recordTenant(id, tenant));
        return found.isPresent();
    }

    /**
     * The tenant of a user that exists as far as the caller can tell: live in the replica, or, when the replica has
     * not heard of them, shown to the caller by the directory; empty otherwise.
     *
     * @throws io.parley.common.api.error.ApiException {@code 503} when the directory is to be asked and cannot answer
     */
    public Optional<UUID> userTenant(UUID id) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(tenant_id AS text), deleted_at IS NULL"
                + " FROM known_user WHERE id = :id").setParameter("id", id).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            return Boolean.TRUE.equals(row[1]) ? Optional.of(UUID.fromString((String) row[0])) : Optional.empty();
        }
        Optional<UserData.User> found = directory.user(id).filter(user -> user.tenantId() != null);
        // a tenant deleted meanwhile took its users along, though no event of theirs says so
        Optional<UUID> tenant = found.map(UserData.User::tenantId).filter(this::notDeleted);
        tenant.ifPresent(live -> recordUser(id, found.get()));
        return tenant;
    }

    private boolean notDeleted(UUID tenant) {
        return KnownTenant.<KnownTenant> findByIdOptional(tenant).map(known -> known.deletedAt == null).orElse(true);
    }

    /** In a transaction of its own, short, so that the directory's event for the same tenant waits on it briefly. */
    private void recordTenant(UUID id, TenantData.Tenant state) {
        KnownTenant tenant = new KnownTenant();
        tenant.takeState(state);
        QuarkusTransaction.requiringNew().run(() -> {
            KnownTenant.lockRow(id);
            entityManager.createNativeQuery("""
                    INSERT INTO known_tenant (id, name, changed_at, received_at, extension_uniqueness, associate_calls,
                        broadworks_sp_id, broadworks_group_id, metaswitch_system, metaswitch_group, cisco_partition,
                        sip_uri_host, associate_calls_condition, record_unknown_users, auto_provision,
                        provision_group_id, provision_role_id, encrypt_data)
                    VALUES (:id, :name, :changed, now(), :uniqueness, :associate, :spId, :bwGroup, :msSystem, :msGroup,
                        :partition, :sipHost, :condition, :unknownUsers, :autoProvision, CAST(:provisionGroup AS uuid),
                        CAST(:provisionRole AS uuid), :encrypt)
                    ON CONFLICT (id) DO NOTHING""")
                    .setParameter("id", id)
                    .setParameter("name", tenant.name)
                    .setParameter("changed", BEFORE_ANY_EVENT)
                    .setParameter("uniqueness", tenant.extensionUniqueness)
                    .setParameter("associate", tenant.associateCalls)
                    .setParameter("spId", tenant.broadworksSpId)
                    .setParameter("bwGroup", tenant.broadworksGroupId)
                    .setParameter("msSystem", tenant.metaswitchSystem)
                    .setParameter("msGroup", tenant.metaswitchGroup)
                    .setParameter("partition", tenant.ciscoPartition)
                    .setParameter("sipHost", tenant.sipUriHost)
                    .setParameter("condition", tenant.associateCallsCondition)
                    .setParameter("unknownUsers", tenant.recordUnknownUsers)
                    .setParameter("autoProvision", tenant.autoProvision)
                    .setParameter("provisionGroup", text(tenant.provisionGroupId))
                    .setParameter("provisionRole", text(tenant.provisionRoleId))
                    .setParameter("encrypt", tenant.encryptData)
                    .executeUpdate();
        });
    }

    /**
     * The user's own row; their extensions come with the directory's event, which replaces this row (call association
     * does not use a looked-up user before then). Not for a tenant the replica holds as deleted: the tenant's lock
     * orders this with the tenant's deletion, which takes the tenant's users along.
     */
    private void recordUser(UUID id, UserData.User user) {
        UUID tenant = user.tenantId();
        QuarkusTransaction.requiringNew().run(() -> {
            KnownTenant.lockRow(tenant);
            entityManager.createNativeQuery("""
                    INSERT INTO known_user (id, tenant_id, group_id, name, login, changed_at)
                    SELECT :id, :tenant, CAST(:group AS uuid), :name, :login, :changed
                    WHERE NOT EXISTS (SELECT 1 FROM known_tenant WHERE id = :tenant AND deleted_at IS NOT NULL)
                    ON CONFLICT (id) DO NOTHING""")
                    .setParameter("id", id)
                    .setParameter("tenant", tenant)
                    .setParameter("group", text(user.groupId()))
                    .setParameter("name", user.name())
                    .setParameter("login", user.login())
                    .setParameter("changed", BEFORE_ANY_EVENT)
                    .executeUpdate();
        });
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
