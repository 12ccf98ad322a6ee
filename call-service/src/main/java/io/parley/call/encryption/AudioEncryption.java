package io.parley.call.encryption;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

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

    private static final AesGcmHkdfStreamingParameters PARAMETERS = parameters();

    private AudioEncryption() {
    }

    /** A file's data key: fresh for every file, stored only wrapped with the tenant's public key. */
    public static final class DataKey {

        private final KeysetHandle keyset;

        private DataKey(KeysetHandle keyset) {
            this.keyset = keyset;
        }

        /** A new random key. */
        public static DataKey generate() {
            try {
                return new DataKey(KeysetHandle.generateNew(PARAMETERS));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("No data key could be generated", e);
            }
        }

        /** The key from its {@link #secretBytes()}, as unwrapped by crypto-service. */
        public static DataKey of(byte[] secretBytes) throws GeneralSecurityException {
            return new DataKey(TinkProtoKeysetFormat.parseKeyset(secretBytes, InsecureSecretKeyAccess.get()));
        }

        /** The key in the clear, to be wrapped at once: never stored or logged as it is. */
        public byte[] secretBytes() {
            try {
                return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The data key cannot be serialized", e);
            }
        }

        private StreamingAead primitive() throws GeneralSecurityException {
            return keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        }

        @Override
        public String toString() {
            return "DataKey[secret]";
        }
    }

    /**
     * Encrypts what is written to the returned stream into {@code ciphertext}; closing it writes the last segment.
     *
     * @throws GeneralSecurityException when the key cannot encrypt
     */
    public static OutputStream encrypting(OutputStream ciphertext, DataKey key, UUID callId, String fileId)
            throws GeneralSecurityException, IOException {
        return key.primitive().newEncryptingStream(ciphertext, associatedData(callId, fileId));
    }

    /**
     * The audio of {@code ciphertext}, readable from any position; a read that meets a segment whose tag does not
     * verify throws an {@link IOException}. Its {@code size()}, the audio's, is known after the first read (the file
     * record holds it before).
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

    private static AesGcmHkdfStreamingParameters parameters() {
        try {
            StreamingAeadConfig.register(); // Tink's key generation and primitives for streaming AEAD
            return AesGcmHkdfStreamingParameters.builder().setKeySizeBytes(32).setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(SEGMENT_BYTES).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
