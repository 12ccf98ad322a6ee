package io.parley.call.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * Encryption of recordings at rest (docs/encryption.md): each audio file under its own data key, with authenticated
 * encryption in fixed-size segments (Tink's streaming AEAD, AES-256-GCM with HKDF-derived segment keys). A byte range
 * of the audio decrypts only the segments it covers, so a {@code Range} request costs what it reads and memory stays
 * at a segment whatever the file's size; a changed, moved, cut or swapped segment fails its tag and the read aborts.
 * The file's identity (call and file id) is bound to its ciphertext, so one file's ciphertext cannot be served as
 * another's.
 */
public final class AudioEncryption {

    /** 64 KiB of ciphertext per segment: 0.03% of tag overhead, a Range request reads at most two extra segments. */
    static final int SEGMENT_BYTES = 64 * 1024;
    /** AES-256: the data key's length, and the length of the segment keys derived from it. */
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The sizes of the format, which do not depend on the key. */
    private static final AesGcmHkdfStreaming FORMAT = DataKey.generate().primitive();

    private AudioEncryption() {
    }

    /**
     * A file's data key: 32 random bytes, fresh for every file, stored only wrapped with the tenant's public key. Raw
     * bytes rather than a Tink keyset, so that it fits in RSA-OAEP with a 1024-bit key too.
     */
    public static final class DataKey {

        private final byte[] secret;

        private DataKey(byte[] secret) {
            this.secret = secret;
        }

        /** A new random key. */
        public static DataKey generate() {
            byte[] secret = new byte[KEY_BYTES];
            RANDOM.nextBytes(secret);
            return new DataKey(secret);
        }

        /** The key from its {@link #secretBytes()}, as unwrapped by crypto-service. */
        public static DataKey of(byte[] secretBytes) throws GeneralSecurityException {
            if (secretBytes.length != KEY_BYTES) {
                throw new GeneralSecurityException("A data key has " + KEY_BYTES + " bytes");
            }
            return new DataKey(secretBytes.clone());
        }

        /** The key in the clear, to be wrapped at once: never stored or logged as it is. */
        public byte[] secretBytes() {
            return secret.clone();
        }

        private AesGcmHkdfStreaming primitive() {
            try {
                return new AesGcmHkdfStreaming(secret, "HmacSha256", KEY_BYTES, SEGMENT_BYTES, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The streaming AEAD's parameters are invalid", e);
            }
        }

        @Override
        public String toString() {
            return "DataKey[secret]";
        }
    }

    /**
     * The ciphertext of {@code plaintext}, read as it is encrypted: a segment of each in memory at a time, the last
     * segment written when {@code plaintext} ends.
     */
    public static InputStream encrypting(InputStream plaintext, DataKey key, UUID callId, String fileId)
            throws IOException {
        try {
            return new EncryptingInputStream(plaintext,
                    ciphertext -> key.primitive().newEncryptingStream(ciphertext, associatedData(callId, fileId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key cannot encrypt", e);
        }
    }

    /** How long the ciphertext of {@code plaintextSize} bytes is: header, segments and their tags. */
    public static long ciphertextSize(long plaintextSize) {
        return FORMAT.expectedCiphertextSize(plaintextSize);
    }

    /**
     * The audio of {@code ciphertext}, readable from any position; a read that meets a segment whose tag does not
     * verify throws an {@link IOException}. {@code ciphertext.size()} must be the stored object's.
     *
     * @throws GeneralSecurityException when the key cannot decrypt
     */
    public static SeekableByteChannel decrypting(SeekableByteChannel ciphertext, DataKey key, UUID callId,
            String fileId) throws GeneralSecurityException, IOException {
        return key.primitive().newSeekableDecryptingChannel(ciphertext, associatedData(callId, fileId));
    }

    private static byte[] associatedData(UUID callId, String fileId) {
        return ("parley-audio-v1/" + callId + "/" + fileId).getBytes(StandardCharsets.UTF_8);
    }
}
