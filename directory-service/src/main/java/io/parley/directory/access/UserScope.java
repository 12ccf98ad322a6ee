package io.parley.directory.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.sql.Sql;

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

    /** A condition on {@code app_user} aliased {@code u}. */
    public Sql sql() {
        if (all) {
            return Sql.TRUE;
        }
        if (tenantId != null) {
            return Sql.of("u.tenant_id = ?", tenantId);
        }
        List<Sql> reached = new ArrayList<>();
        if (!groupIds.isEmpty()) {
            reached.add(new Sql("u.group_id IN (" + String.join(", ", Collections.nCopies(groupIds.size(), "?")) + ")",
                    List.copyOf(groupIds)));
        }
        if (self != null) {
            reached.add(Sql.of("u.id = ?", self));
        }
        return Sql.any(reached);
    }
}
