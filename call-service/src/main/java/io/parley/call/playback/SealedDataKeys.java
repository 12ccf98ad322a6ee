package io.parley.call.playback;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.parley.call.encryption.AudioEncryption;

/**
 * The data keys of an encrypted recording carried in its signed URL ({@code keys=}), sealed with AES-256-GCM under a
 * key derived from the URL's signing secret and bound to the call. A signed URL carries no caller, so the keys are
 * opened (by crypto-service, for the caller who asked for the URL) when it is made; whoever holds the URL may play
 * the recording until it expires, as for any signed URL, and nobody can read the keys out of it without the signing
 * secret.
 */
final class SealedDataKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedDataKeys() {
    }

    /** The files' data keys sealed for the URL of the call, base64url. */
    static String seal(byte[] signingSecret, UUID callId, Map<String, AudioEncryption.DataKey> keys) {
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        keys.forEach((fileId, key) -> {
            byte[] id = fileId.getBytes(StandardCharsets.UTF_8);
            plaintext.write(id.length);
            plaintext.writeBytes(id);
            plaintext.writeBytes(key.secretBytes());
        });
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, signingSecret, callId, nonce).doFinal(plaintext.toByteArray());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data keys could not be sealed", e);
        }
    }

    /** The data keys by file id; empty when {@code sealed} was not made by {@link #seal} for this call and secret. */
    static Optional<Map<String, AudioEncryption.DataKey>> unseal(byte[] signingSecret, UUID callId, String sealed) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (bytes.length < NONCE_BYTES) {
                return Optional.empty();
            }
            ByteBuffer plaintext = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, signingSecret, callId,
                    Arrays.copyOf(bytes, NONCE_BYTES)).doFinal(bytes, NONCE_BYTES,
                            bytes.length - NONCE_BYTES));
            Map<String, AudioEncryption.DataKey> keys = new LinkedHashMap<>();
            while (plaintext.hasRemaining()) {
                byte[] id = new byte[plaintext.get() & 0xff];
                plaintext.get(id);
                byte[] key = new byte[32];
                plaintext.get(key);
                keys.put(new String(id, StandardCharsets.UTF_8), AudioEncryption.DataKey.of(key));
            }
            return Optional.of(keys);
        } catch (GeneralSecurityException | IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, byte[] signingSecret, UUID callId, byte[] nonce)
            throws GeneralSecurityException {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
        byte[] key = derive.doFinal("parley-signed-url-data-keys-v1".getBytes(StandardCharsets.US_ASCII));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(callId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
