package io.parley.call.muting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.parley.common.security.Caller;

/**
 * The calls a caller with {@code calls:pause_recording} may mute, as a condition on the call (alias {@code c}), by
 * the role's access level (docs/permissions.md): root and the System tenant's {@code system} users every call; a
 * tenant's {@code system} users the tenant's; {@code managed_groups} users the calls of their managed groups (the
 * call's group, or a participant's user in one of them) and their own; {@code user} users their own (a participant
 * is the caller). The same rules as viewing calls: once the calls API's {@code access/CallScope} is merged, this is
 * {@code CallScope.of(caller, "pause_recording")}.
 */
record MutingScope(String sql, List<Object> parameters) {

    static MutingScope of(Caller caller) {
        if (caller.seesAllTenants()) {
            return new MutingScope("TRUE", List.of());
        }
        if (caller.isSystem()) {
            return new MutingScope("c.tenant_id = ?", List.of(caller.tenantId()));
        }
        if (caller.isManager() && !caller.managedGroups().isEmpty()) {
            return managed(caller);
        }
        return new MutingScope("c.tenant_id = ? AND EXISTS (SELECT 1 FROM call_participant o"
                + " WHERE o.call_id = c.call_id AND o.user_id = ?)", List.of(caller.tenantId(), caller.userId()));
    }

    private static MutingScope managed(Caller caller) {
        List<UUID> groups = caller.managedGroups();
        String inGroups = "IN (" + String.join(", ", Collections.nCopies(groups.size(), "?")) + ")";
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller.tenantId());
        parameters.addAll(groups);
        parameters.addAll(groups);
        parameters.add(caller.userId());
        return new MutingScope("c.tenant_id = ? AND (c.group_id " + inGroups + " OR EXISTS (SELECT 1 FROM"
                + " call_participant o WHERE o.call_id = c.call_id AND o.user_id IN (SELECT u.id FROM known_user u"
                + " WHERE u.group_id " + inGroups + " UNION ALL SELECT CAST(? AS uuid))))", parameters);
    }
}
