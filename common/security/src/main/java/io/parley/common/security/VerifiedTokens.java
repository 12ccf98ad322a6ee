package io.parley.common.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies identity tokens with SmallRye JWT, and remembers the ones it verified until they expire. The gateway signs
 * one token per caller and reuses it for minutes, so most requests bring a token verified before: parsing it and
 * checking its RS256 signature again would only repeat the same answer. Entries are keyed by the whole token, its
 * signature included, so an altered or forged token never matches one; a token is served from here only before its
 * {@code exp}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** More callers than one service instance serves within a token's lifetime. */
    private static final long MAX_TOKENS = 10_000;

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, JWTCallerPrincipal> creating((token, principal) -> untilExpiry(principal)))
            .build();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && !untilExpiry(known).isNegative()) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        verified.put(token, principal);
        return principal;
    }

    private static Duration untilExpiry(JWTCallerPrincipal principal) {
        return Duration.between(Instant.now(), Instant.ofEpochSecond(principal.getExpirationTime()));
    }
}
