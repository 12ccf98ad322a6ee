package io.parley.deploy.local;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityKeyPair;

/**
 * Identity tokens made the way the gateway makes them, signed with a running platform's key: for calling a service
 * directly, as the benchmark's baseline does.
 */
final class IdentityTokens {

    private IdentityTokens() {
    }

    /**
     * A token for a root user of the given tenant, valid for the usual lifetime from now, with the permissions these
     * tests use (the gateway would list the whole catalog).
     */
    static String rootToken(IdentityKeyPair keys, String userId, String login, String tenantId, String groupId,
            String roleId) {
        return rootToken(keys, userId, login, tenantId, groupId, roleId, Set.of("tenants:view", "users:view"));
    }

    /** The same with these permissions. */
    static String rootToken(IdentityKeyPair keys, String userId, String login, String tenantId, String groupId,
            String roleId, Set<String> permissions) {
        CallerIdentity root = new CallerIdentity(UUID.fromString(userId), UUID.fromString(tenantId),
                groupId == null ? null : UUID.fromString(groupId), UUID.fromString(roleId), login, "root", List.of(),
                permissions, "UTC");
        return io.parley.common.embedded.IdentityTokens.forCaller(root).signedWith(keys.readPrivateKey()).sign();
    }
}
