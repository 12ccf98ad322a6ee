package io.parley.directory.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.directory.tenant.ExtensionSharing;

/**
 * A user's extensions and managed groups, kept in their own tables: replaced as a whole on change (managed groups in
 * one statement), read for a whole page of users in one query each.
 */
@ApplicationScoped
public class UserLinks implements ExtensionSharing {

    private final EntityManager entityManager;

    UserLinks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void replaceExtensions(UUID userId, List<String> extensions) {
        entityManager.createNativeQuery("DELETE FROM user_extension WHERE user_id = :user")
                .setParameter("user", userId).executeUpdate();
        for (int position = 0; position < extensions.size(); position++) {
            entityManager.createNativeQuery(
                    "INSERT INTO user_extension (user_id, extension, position) VALUES (:user, :extension, :position)")
                    .setParameter("user", userId)
                    .setParameter("extension", extensions.get(position))
                    .setParameter("position", position)
                    .executeUpdate();
        }
    }

    public void replaceManagedGroups(UUID userId, List<UUID> groups) {
        entityManager.createNativeQuery("DELETE FROM user_managed_group WHERE user_id = :user")
                .setParameter("user", userId).executeUpdate();
        if (!groups.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO user_managed_group (user_id, group_id)"
                    + " SELECT :user, unnest(CAST(:groups AS uuid[]))")
                    .setParameter("user", userId).setParameter("groups", groups.toArray(UUID[]::new)).executeUpdate();
        }
    }

    public Map<UUID, List<String>> extensionsOf(Collection<UUID> userIds) {
        Map<UUID, List<String>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT user_id, extension FROM user_extension WHERE user_id IN (:users) ORDER BY user_id, position",
                Object[].class).setParameter("users", userIds).getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return result;
    }

    public Map<UUID, List<UUID>> managedGroupsOf(Collection<UUID> userIds) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT user_id, group_id FROM user_managed_group WHERE user_id IN (:users) ORDER BY user_id, group_id",
                Object[].class).setParameter("users", userIds).getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
        }
        return result;
    }

    /**
     * The given extensions that another user already has where the tenants' {@code extension_uniqueness} forbids
     * sharing: anywhere when either tenant wants system-wide uniqueness, otherwise within the same tenant.
     */
    @SuppressWarnings("unchecked")
    public List<String> conflictingExtensions(UUID userId, UUID tenantId, Collection<String> extensions) {
        if (extensions.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                SELECT DISTINCT e.extension FROM user_extension e
                JOIN app_user u ON u.id = e.user_id
                JOIN tenant other ON other.id = u.tenant_id
                JOIN tenant mine ON mine.id = :tenant
                WHERE e.extension IN (:extensions) AND e.user_id <> :user
                  AND (u.tenant_id = :tenant OR other.extension_uniqueness = 'systemwide'
                       OR mine.extension_uniqueness = 'systemwide')
                ORDER BY e.extension
                """).setParameter("extensions", extensions).setParameter("user", userId)
                .setParameter("tenant", tenantId).getResultList();
    }

    /** Whether users of the tenant share an extension with users of other tenants. */
    @Override
    public boolean tenantSharesExtensionsWithOthers(UUID tenantId) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM user_extension mine
                JOIN app_user owner ON owner.id = mine.user_id AND owner.tenant_id = :tenant
                JOIN user_extension theirs ON theirs.extension = mine.extension
                JOIN app_user other ON other.id = theirs.user_id AND other.tenant_id <> :tenant
                LIMIT 1
                """).setParameter("tenant", tenantId).getResultList().isEmpty();
    }
}
