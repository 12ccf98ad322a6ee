package io.parley.directory.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The users a caller reaches: all, those of one tenant, or those of some groups plus the caller ({@code self}, null
 * for none).
 */
public record UserScope(boolean all, UUID tenantId, Set<UUID> groupIds, UUID self) {

    public static final UserScope ALL = new UserScope(true, null, Set.of(), null);

    public UserScope {
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    }

    public boolean includes(UUID userId, UUID userTenant, UUID userGroup) {
        return all || tenantId != null && tenantId.equals(userTenant)
                || userGroup != null && groupIds.contains(userGroup) || self != null && self.equals(userId);
    }

    /** An SQL condition on {@code app_user} aliased {@code u}; its parameters are added to {@code parameters}. */
    public String sql(Map<String, Object> parameters) {
        if (all) {
            return "true";
        }
        if (tenantId != null) {
            parameters.put("scopeTenant", tenantId);
            return "u.tenant_id = :scopeTenant";
        }
        StringBuilder condition = new StringBuilder("(false");
        if (!groupIds.isEmpty()) {
            parameters.put("scopeGroups", groupIds);
            condition.append(" OR u.group_id IN (:scopeGroups)");
        }
        if (self != null) {
            parameters.put("scopeSelf", self);
            condition.append(" OR u.id = :scopeSelf");
        }
        return condition.append(")").toString();
    }
}
