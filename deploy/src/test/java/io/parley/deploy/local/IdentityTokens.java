package io.parley.deploy.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import io.parley.common.embedded.IdentityKeyPair;

/**
 * Identity tokens made the way the gateway makes them (RS256, claims of {@code IdentityToken}), with the JDK alone: for
 * calling a service directly, as the benchmark's baseline does, or with a key the services do not trust.
 */
final class IdentityTokens {

    private IdentityTokens() {
    }

    /** A token for a root user of the given tenant, valid for five minutes from now. */
    static String rootToken(IdentityKeyPair keys, String userId, String login, String tenantId, String groupId,
            String roleId) {
        long now = Instant.now().getEpochSecond();
        String claims = """
                {"iss":"parley-gateway","aud":"parley-services","sub":"%s","upn":"%s","iat":%d,"exp":%d,\
                "jti":"%s","tenant_id":"%s","group_id":"%s","role_id":"%s","access_level":"root",\
                "managed_groups":[],"permissions":[],"timezone":"UTC"}"""
                .formatted(userId, login, now, now + 300, java.util.UUID.randomUUID(), tenantId, groupId, roleId);
        return sign(claims, keys.privateKey());
    }

    private static String sign(String claims, Path privateKey) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""))));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign with " + privateKey, e);
        }
    }
}
