package io.parley.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;
import io.parley.common.embedded.IdentityKeyPair;

class IdentityTokenSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    static Path keys;

    private final CallerIdentity caller = new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), "alice", "managed_groups", List.of(UUID.randomUUID()),
            Set.of("users:view", "calls:view"), "Europe/London");

    @Test
    void aCallersTokenCarriesTheIdentityContract() throws Exception {
        IdentityKeyPair pair = IdentityKeyPair.in(keys);
        IdentityTokenSigner signer = signer(pair, NOW);

        JwtClaims claims = verify(signer.sign(caller).value(), PemKeys.publicKey(pair), NOW);

        assertEquals(IdentityToken.ISSUER, claims.getIssuer());
        assertEquals(List.of(IdentityToken.AUDIENCE), claims.getAudience());
        assertEquals(caller.userId().toString(), claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals(caller.tenantId().toString(), claims.getStringClaimValue(IdentityToken.TENANT_ID));
        assertEquals(caller.groupId().toString(), claims.getStringClaimValue(IdentityToken.GROUP_ID));
        assertEquals(caller.roleId().toString(), claims.getStringClaimValue(IdentityToken.ROLE_ID));
        assertEquals("managed_groups", claims.getStringClaimValue(IdentityToken.ACCESS_LEVEL));
        assertEquals(List.of(caller.managedGroups().get(0).toString()),
                claims.getStringListClaimValue(IdentityToken.MANAGED_GROUPS));
        assertEquals(List.of("calls:view", "users:view"), claims.getStringListClaimValue(IdentityToken.PERMISSIONS));
        assertEquals("Europe/London", claims.getStringClaimValue(IdentityToken.TIMEZONE));
        assertEquals(NumericDate.fromSeconds(NOW.plus(IdentityToken.LIFETIME).getEpochSecond()),
                claims.getExpirationTime());
        assertFalse(claims.hasClaim("groups"), "a user's token never carries the gateway's group");
    }

    @Test
    void theGatewaysOwnTokenCarriesItsGroup() throws Exception {
        IdentityKeyPair pair = IdentityKeyPair.in(keys);
        JwtClaims claims = verify(signer(pair, NOW).signForGateway().value(), PemKeys.publicKey(pair), NOW);
        assertEquals("gateway", claims.getSubject());
        assertEquals(List.of(IdentityToken.GATEWAY_GROUP), claims.getStringListClaimValue("groups"));
    }

    @Test
    void aTokenIsReusedForHalfItsLifetimeThenSignedAgain() {
        IdentityKeyPair pair = IdentityKeyPair.in(keys);
        MovingClock clock = new MovingClock(NOW);
        IdentityTokenSigner signer = new IdentityTokenSigner(
                IdentityTokenSigner.readPrivateKey(pair.privateKeyLocation()), clock);
        RenewingToken token = RenewingToken.forCaller(signer, caller);

        String first = token.value();
        clock.now = NOW.plus(IdentityToken.LIFETIME.dividedBy(2)).minusSeconds(1);
        assertEquals(first, token.value());
        clock.now = NOW.plus(IdentityToken.LIFETIME.dividedBy(2));
        assertNotEquals(first, token.value());
    }

    @Test
    void aTokenSignedByAnotherKeyIsNotValid(@TempDir Path otherKeys) {
        IdentityKeyPair pair = IdentityKeyPair.in(keys);
        String forged = signer(IdentityKeyPair.in(otherKeys), NOW).sign(caller).value();
        assertThrows(InvalidJwtException.class, () -> verify(forged, PemKeys.publicKey(pair), NOW));
    }

    @Test
    void aMissingKeyStopsTheGatewayWithItsLocation() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> IdentityTokenSigner.readPrivateKey("file:/nonexistent/identity-private.pem"));
        assertTrue(missing.getMessage().contains("/nonexistent/identity-private.pem"));
    }

    private static IdentityTokenSigner signer(IdentityKeyPair pair, Instant now) {
        return new IdentityTokenSigner(IdentityTokenSigner.readPrivateKey(pair.privateKeyLocation()),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JwtClaims verify(String token, PublicKey key, Instant now) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(IdentityToken.ISSUER)
                .setExpectedAudience(IdentityToken.AUDIENCE)
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                .build()
                .processToClaims(token);
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
