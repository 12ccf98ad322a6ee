package io.parley.common.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;

/**
 * Signs identity tokens the way the gateway does (see {@link IdentityToken}), for tests: with the test JVM's key pair
 * ({@link ParleyTestInfrastructure#identityKeys()}), or broken on purpose (expired, for someone else, signed with a key
 * nobody trusts). Plain JDK signing: RS256 is SHA256withRSA over {@code header.payload}.
 */
public final class IdentityTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private IdentityTokens() {
    }

    /** A valid token for the caller. */
    public static String of(CallerIdentity caller) {
        return forCaller(caller).sign();
    }

    /** The token the gateway signs for itself to call the directory's credential check. */
    public static String gateway() {
        Token token = new Token();
        token.claims.put("sub", "gateway");
        token.claims.put("upn", "gateway");
        token.claims.put("groups", List.of(IdentityToken.GATEWAY_GROUP));
        return token.sign();
    }

    /** A token for the caller to adjust before signing. */
    public static Token forCaller(CallerIdentity caller) {
        Token token = new Token();
        Map<String, Object> claims = token.claims;
        claims.put("sub", caller.userId().toString());
        claims.put("upn", caller.login());
        claims.put(IdentityToken.TENANT_ID, caller.tenantId().toString());
        if (caller.groupId() != null) {
            claims.put(IdentityToken.GROUP_ID, caller.groupId().toString());
        }
        claims.put(IdentityToken.ROLE_ID, caller.roleId().toString());
        claims.put(IdentityToken.ACCESS_LEVEL, caller.accessLevel());
        claims.put(IdentityToken.MANAGED_GROUPS, caller.managedGroups().stream().map(UUID::toString).toList());
        claims.put(IdentityToken.PERMISSIONS, List.copyOf(caller.permissions()));
        claims.put(IdentityToken.TIMEZONE, caller.timezone());
        return token;
    }

    /** A private key no service trusts: what a forger would sign with. */
    public static PrivateKey untrustedKey() {
        return UntrustedKey.KEY;
    }

    /** A token's claims and key, adjustable before it is signed. */
    public static final class Token {

        final Map<String, Object> claims = new LinkedHashMap<>();
        private PrivateKey key;

        Token() {
            Instant now = Instant.now();
            claims.put("iss", IdentityToken.ISSUER);
            claims.put("aud", IdentityToken.AUDIENCE);
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(IdentityToken.LIFETIME).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
        }

        /** Sets (or, with {@code null}, removes) a claim. */
        public Token claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** Issued and expired in the past. */
        public Token expiredFor(Duration ago) {
            Instant now = Instant.now();
            claims.put("iat", now.minus(ago).minus(IdentityToken.LIFETIME).getEpochSecond());
            claims.put("exp", now.minus(ago).getEpochSecond());
            return this;
        }

        public Token signedWith(PrivateKey key) {
            this.key = key;
            return this;
        }

        public String sign() {
            try {
                String header = BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
                        .getBytes(StandardCharsets.UTF_8));
                String payload = BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key != null ? key : TrustedKey.KEY);
                signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                return header + "." + payload + "." + BASE64URL.encodeToString(signature.sign());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Claims that are not JSON", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RS256 signing failed", e);
            }
        }
    }

    /** The test JVM's signing key, read once. */
    private static final class TrustedKey {
        static final PrivateKey KEY = ParleyTestInfrastructure.identityKeys().readPrivateKey();
    }

    private static final class UntrustedKey {
        static final PrivateKey KEY = generate();

        private static PrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
