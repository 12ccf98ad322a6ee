package io.parley.call.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.call.encryption.AudioEncryption.DataKey;

/** Recordings encrypted in segments: whole and ranged reads give the audio back; any change to the stored bytes fails. */
class AudioEncryptionTest {

    private static final int SEGMENT = AudioEncryption.SEGMENT_BYTES;

    @TempDir
    Path directory;

    private final UUID call = UUID.randomUUID();
    private final byte[] audio = randomBytes(5 * SEGMENT + 1_234);
    private final DataKey key = DataKey.generate();

    @Test
    void theWholeAudioComesBackFromItsCiphertext() throws Exception {
        Path stored = encrypt(audio, key, "1");

        try (SeekableByteChannel plain = open(stored, key, "1")) {
            assertArrayEquals(audio, read(plain, 0, audio.length));
            assertEquals(audio.length, plain.size());
        }
    }

    @Test
    void anyRangeDecryptsToTheSameBytesAsTheAudio() throws Exception {
        Path stored = encrypt(audio, key, "1");
        int[][] ranges = { { 0, 1 }, { 100, 5_000 }, { SEGMENT - 100, 300 }, { 2 * SEGMENT - 7, SEGMENT + 14 },
                { audio.length - 1, 1 }, { audio.length - 3 * SEGMENT, 3 * SEGMENT } };

        try (SeekableByteChannel plain = open(stored, key, "1")) {
            for (int[] range : ranges) {
                assertArrayEquals(Arrays.copyOfRange(audio, range[0], range[0] + range[1]),
                        read(plain, range[0], range[1]), "bytes " + range[0] + "+" + range[1]);
            }
        }
    }

    @Test
    void theKeyUnwrappedFromItsBytesDecryptsWhatItEncrypted() throws Exception {
        Path stored = encrypt(audio, key, "1");

        try (SeekableByteChannel plain = open(stored, DataKey.of(key.secretBytes()), "1")) {
            assertArrayEquals(audio, read(plain, 0, audio.length));
        }
    }

    @Test
    void aChangedByteFailsTheReadOfItsSegmentAndOnlyThat() throws Exception {
        Path stored = encrypt(audio, key, "1");
        byte[] ciphertext = Files.readAllBytes(stored);
        ciphertext[3 * SEGMENT + 10] ^= 1;
        Files.write(stored, ciphertext);

        try (SeekableByteChannel plain = open(stored, key, "1")) {
            assertArrayEquals(Arrays.copyOfRange(audio, 0, 1_000), read(plain, 0, 1_000));
            assertThrows(IOException.class, () -> read(plain, 3 * SEGMENT, 1_000));
        }
    }

    @Test
    void aCiphertextCutShortIsRefused() throws Exception {
        Path stored = encrypt(audio, key, "1");
        byte[] ciphertext = Files.readAllBytes(stored);
        Files.write(stored, Arrays.copyOf(ciphertext, ciphertext.length - 1_000));

        try (SeekableByteChannel plain = open(stored, key, "1")) {
            assertThrows(IOException.class, () -> read(plain, audio.length - 2_000, 2_000));
        }
    }

    @Test
    void anotherFilesCiphertextIsNotServedAsThisFile() throws Exception {
        Path stored = encrypt(audio, key, "1");

        try (SeekableByteChannel asFile2 = open(stored, key, "2")) {
            assertThrows(IOException.class, () -> read(asFile2, 0, 100));
        }
        try (SeekableByteChannel asAnotherCall = AudioEncryption.decrypting(FileChannel.open(stored), key,
                UUID.randomUUID(), "1")) {
            assertThrows(IOException.class, () -> read(asAnotherCall, 0, 100));
        }
    }

    @Test
    void anotherKeyCannotDecrypt() throws Exception {
        Path stored = encrypt(audio, key, "1");

        try (SeekableByteChannel plain = open(stored, DataKey.generate(), "1")) {
            assertThrows(IOException.class, () -> read(plain, 0, 100));
        }
    }

    private Path encrypt(byte[] bytes, DataKey dataKey, String fileId) throws IOException, GeneralSecurityException {
        Path stored = directory.resolve("file-" + fileId);
        InputStream arriving = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 10_000)); // in parts, as an upload arrives
            }
        };
        try (InputStream ciphertext = AudioEncryption.encrypting(arriving, dataKey, call, fileId)) {
            Files.copy(ciphertext, stored);
        }
        assertEquals(AudioEncryption.ciphertextSize(bytes.length), Files.size(stored));
        return stored;
    }

    private SeekableByteChannel open(Path stored, DataKey dataKey, String fileId)
            throws IOException, GeneralSecurityException {
        return AudioEncryption.decrypting(FileChannel.open(stored, StandardOpenOption.READ), dataKey, call, fileId);
    }

    private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("end of the audio at " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
