package io.parley.call.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.parley.common.security.Caller;
import io.parley.common.sql.Sql;

/**
 * The calls a caller reaches with an operation (docs/permissions.md): with {@code calls:<operation>}, by the role's
 * access level: root and the System tenant's {@code system} users every call; a tenant's {@code system} users the
 * tenant's; {@code managed_groups} users the calls of their managed groups (the call's group, or a participant's
 * user in one of them) and their own; {@code user} users their own. With only {@code calls_own:<operation>}, one's
 * own calls: those with a participant who is the caller. Calls not associated with a tenant are root's and
 * system-wide users' only.
 */
public final class CallScope {

    public static final String VIEW = "view";
    public static final String DELETE = "delete";
    public static final String PAUSE_RECORDING = "pause_recording";
    public static final String PLAYBACK = "playback";

    private CallScope() {
    }

    /** The condition on calls (alias {@code c}) limiting them to the caller's scope. */
    public static Sql of(Caller caller, String operation) {
        if (!caller.has("calls:" + operation)) {
            return own(caller);
        }
        if (caller.seesAllTenants()) {
            return Sql.TRUE;
        }
        if (caller.isSystem()) {
            return Sql.of("c.tenant_id = ?", caller.tenantId());
        }
        if (caller.isManager()) {
            return managed(caller);
        }
        return own(caller);
    }

    private static Sql own(Caller caller) {
        return Sql.of("c.tenant_id = ? AND EXISTS (SELECT 1 FROM call_participant p"
                + " WHERE p.call_id = c.call_id AND p.user_id = ?)", caller.tenantId(), caller.userId());
    }

    /**
     * Written so that each part finds its calls by an index: the managed groups' users (and the manager) through
     * their participations, the groups' calls through the call's group.
     */
    private static Sql managed(Caller caller) {
        List<UUID> groups = caller.managedGroups();
        if (groups.isEmpty()) {
            return own(caller);
        }
        String inGroups = "IN (" + String.join(", ", Collections.nCopies(groups.size(), "?")) + ")";
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller.tenantId());
        parameters.addAll(groups);
        parameters.addAll(groups);
        parameters.add(caller.userId());
        return new Sql("c.tenant_id = ? AND (c.group_id " + inGroups + " OR c.call_id IN (SELECT p.call_id"
                + " FROM call_participant p WHERE p.user_id IN (SELECT u.id FROM known_user u WHERE u.group_id "
                + inGroups + " UNION ALL SELECT CAST(? AS uuid))))", parameters);
    }
}
