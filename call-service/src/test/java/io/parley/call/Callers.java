package io.parley.call;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;

/** Identity tokens of API callers at each access level, as the gateway would sign them. */
public final class Callers {

    public static final Set<String> CALLS = Set.of("calls:view", "calls:delete");
    public static final Set<String> OWN_CALLS = Set.of("calls_own:view", "calls_own:delete");

    private Callers() {
    }

    public static String root() {
        return token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(), CALLS, "UTC");
    }

    public static String system(UUID tenant, Set<String> permissions) {
        return token(UUID.randomUUID(), tenant, "system", List.of(), permissions, "UTC");
    }

    public static String manager(UUID user, UUID tenant, List<UUID> groups) {
        return token(user, tenant, "managed_groups", groups, CALLS, "UTC");
    }

    public static String user(UUID user, UUID tenant, Set<String> permissions) {
        return token(user, tenant, "user", List.of(), permissions, "UTC");
    }

    public static String token(UUID user, UUID tenant, String accessLevel, List<UUID> managedGroups,
            Set<String> permissions, String timezone) {
        return IdentityTokens.of(new CallerIdentity(user, tenant, null, UUID.randomUUID(), "caller-" + user,
                accessLevel, managedGroups, permissions, timezone));
    }
}
