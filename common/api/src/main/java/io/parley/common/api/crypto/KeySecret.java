package io.parley.common.api.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password-derived secret that opens a user's personal key in crypto-service (docs/encryption.md). The gateway,
 * the only place that sees the password, sends it in {@link #HEADER} on requests to crypto-service and on audio
 * playback to call-service, which passes it on to crypto-service; nothing else sets it and nobody logs it. It is
 * never stored: crypto-service stretches it (PBKDF2, per-user salt) into the key that wraps the personal key.
 */
public final class KeySecret {

    /** The internal header carrying the secret; the gateway drops any value a client sent. */
    public static final String HEADER = "X-Parley-Key-Secret";

    private static final String LABEL = "parley-key-secret-v1:";

    private KeySecret() {
    }

    /**
     * HMAC-SHA256 keyed by the password over the user id: a value that changes with the password, is different for
     * each user with the same password, and does not give the password back; base64url without padding.
     */
    public static String derive(UUID userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            // an empty HMAC key is refused by the JDK; no user has an empty password, but never fail a request on it
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            byte[] secret = mac.doFinal((LABEL + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
