package io.parley.gateway.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs the identity tokens that the services verify (the contract is {@link IdentityToken}): RS256 with the private
 * key named by {@code smallrye.jwt.sign.key.location}, read once at start so that a missing key stops the gateway
 * instead of its first request.
 */
@ApplicationScoped
public class IdentityTokenSigner {

    /** The subject of the token the gateway signs for its own calls to the services. */
    public static final String GATEWAY_SUBJECT = "gateway";

    private final PrivateKey key;
    private final Clock clock;

    @Inject
    IdentityTokenSigner(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String keyLocation) {
        this(readPrivateKey(keyLocation), Clock.systemUTC());
    }

    IdentityTokenSigner(PrivateKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** The token a request of this caller is forwarded with. */
    public SignedToken sign(CallerIdentity caller) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = claims(now)
                .subject(caller.userId().toString())
                .upn(caller.login())
                .claim(IdentityToken.TENANT_ID, caller.tenantId().toString())
                .claim(IdentityToken.ROLE_ID, caller.roleId().toString())
                .claim(IdentityToken.ACCESS_LEVEL, caller.accessLevel())
                .claim(IdentityToken.MANAGED_GROUPS, caller.managedGroups().stream().map(UUID::toString).toList())
                .claim(IdentityToken.PERMISSIONS, caller.permissions().stream().sorted().toList());
        if (caller.groupId() != null) {
            claims.claim(IdentityToken.GROUP_ID, caller.groupId().toString());
        }
        if (caller.timezone() != null) {
            claims.claim(IdentityToken.TIMEZONE, caller.timezone());
        }
        return new SignedToken(claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key), now);
    }

    /** The gateway's own token, for its credential checks against the directory; no user's token has its group. */
    public SignedToken signForGateway() {
        Instant now = clock.instant();
        return new SignedToken(claims(now)
                .subject(GATEWAY_SUBJECT)
                .upn(GATEWAY_SUBJECT)
                .groups(Set.of(IdentityToken.GATEWAY_GROUP))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(key), now);
    }

    /** The signer's clock, against which {@link SignedToken#isFresh} is judged. */
    public Instant now() {
        return clock.instant();
    }

    private static JwtClaimsBuilder claims(Instant now) {
        return Jwt.issuer(IdentityToken.ISSUER)
                .audience(IdentityToken.AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(IdentityToken.LIFETIME));
    }

    /** A PKCS#8 PEM file, named by a path or a {@code file:} URL. */
    static PrivateKey readPrivateKey(String location) {
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            String pem = Files.readString(path, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (IOException e) {
            throw new IllegalStateException("The identity-token signing key cannot be read from " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The identity-token signing key in " + path
                    + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
