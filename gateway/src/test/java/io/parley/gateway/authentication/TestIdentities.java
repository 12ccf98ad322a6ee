package io.parley.gateway.authentication;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.api.identity.CallerIdentity;

/** Callers for unit tests, each with ids of its own. */
final class TestIdentities {

    private TestIdentities() {
    }

    static CallerIdentity caller(String login) {
        return new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), login,
                "managed_groups", List.of(UUID.randomUUID()), Set.of("calls:view"), "Europe/London");
    }

    static VerifiedCaller verified(CallerIdentity identity) {
        return new VerifiedCaller(identity, null);
    }
}
