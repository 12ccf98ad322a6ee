package io.parley.gateway.authentication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a verified credential is cached under: HMAC-SHA256 of login and password under a key drawn at random when the
 * gateway starts and never stored. A dump of the cache shows no password and cannot be checked against guesses
 * offline without that key; a restart makes every old key meaningless.
 */
public record CredentialKey(String digest) {

    private static final String ALGORITHM = "HmacSHA256";

    /** Computes keys under one random secret; one per gateway process. */
    public static final class Hasher {

        private final Mac prototype;

        public Hasher() {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                prototype = Mac.getInstance(ALGORITHM);
                prototype.init(new SecretKeySpec(secret, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(ALGORITHM + " is not available", e);
            }
        }

        public CredentialKey keyOf(BasicCredentials credentials) {
            byte[] login = credentials.login().getBytes(StandardCharsets.UTF_8);
            byte[] password = credentials.password().getBytes(StandardCharsets.UTF_8);
            // the login's length first, so that no other split of the same bytes gives the same key
            ByteBuffer input = ByteBuffer.allocate(Integer.BYTES + login.length + password.length)
                    .putInt(login.length).put(login).put(password);
            try {
                Mac mac = (Mac) prototype.clone();
                return new CredentialKey(Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(input.array())));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(ALGORITHM + " cannot be cloned", e);
            }
        }
    }

    /** Not shown in logs: it is not the password, but nobody needs it there either. */
    @Override
    public String toString() {
        return "CredentialKey[...]";
    }
}
