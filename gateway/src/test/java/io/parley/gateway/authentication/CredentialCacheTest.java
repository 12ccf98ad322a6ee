package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.gateway.GatewayConfig;

class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CredentialCache cache = new CredentialCache(new Settings(Duration.ofMinutes(5), 100), nanos::get);

    @Test
    void keepsAVerifiedCaller() {
        CredentialKey key = cache.keyOf(new BasicCredentials("alice", "secret"));
        VerifiedCaller alice = TestIdentities.verified(TestIdentities.caller("alice"));
        cache.put(key, alice, cache.generation());
        assertEquals(alice, cache.get(key).orElseThrow());
        assertTrue(cache.get(cache.keyOf(new BasicCredentials("alice", "guess"))).isEmpty());
    }

    @Test
    void aChangeToTheUserTheirTenantGroupRoleOrAManagedGroupDropsTheEntry() {
        for (Function<CallerIdentity, UUID> reference : java.util.List.<Function<CallerIdentity, UUID>> of(
                CallerIdentity::userId, CallerIdentity::tenantId, CallerIdentity::groupId, CallerIdentity::roleId,
                identity -> identity.managedGroups().get(0))) {
            CallerIdentity alice = TestIdentities.caller("alice");
            CredentialKey key = cache.keyOf(new BasicCredentials("alice", "secret"));
            cache.put(key, TestIdentities.verified(alice), cache.generation());

            cache.invalidateReferencing(reference.apply(alice));

            assertTrue(cache.get(key).isEmpty());
        }
    }

    @Test
    void aChangeToSomethingElseKeepsTheEntry() {
        CredentialKey key = cache.keyOf(new BasicCredentials("alice", "secret"));
        cache.put(key, TestIdentities.verified(TestIdentities.caller("alice")), cache.generation());
        cache.invalidateReferencing(UUID.randomUUID());
        assertTrue(cache.get(key).isPresent());
    }

    @Test
    void anAnswerFetchedWhileSomethingWasInvalidatedIsNotKept() {
        CredentialKey key = cache.keyOf(new BasicCredentials("alice", "old-password"));
        long beforeCheck = cache.generation();
        cache.invalidateReferencing(UUID.randomUUID()); // e.g. the password changed while the check was under way
        cache.put(key, TestIdentities.verified(TestIdentities.caller("alice")), beforeCheck);
        assertTrue(cache.get(key).isEmpty());
    }

    @Test
    void entriesExpireAfterTheTtlEvenWithoutEvents() {
        CredentialKey key = cache.keyOf(new BasicCredentials("alice", "secret"));
        cache.put(key, TestIdentities.verified(TestIdentities.caller("alice")), cache.generation());
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        assertTrue(cache.get(key).isEmpty());
    }

    @Test
    void sizeIsBounded() {
        CredentialCache small = new CredentialCache(new Settings(Duration.ofMinutes(5), 10), nanos::get);
        for (int i = 0; i < 100; i++) {
            small.put(small.keyOf(new BasicCredentials("user" + i, "secret")),
                    TestIdentities.verified(TestIdentities.caller("user" + i)), small.generation());
        }
        assertTrue(small.size() <= 10, "size " + small.size());
    }

    record Settings(Duration cacheTtl, long cacheSize) implements GatewayConfig.Credentials {
    }
}
