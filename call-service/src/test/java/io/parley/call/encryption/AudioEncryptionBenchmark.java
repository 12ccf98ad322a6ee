package io.parley.call.encryption;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.call.encryption.AudioEncryption.DataKey;

/**
 * Measures the cipher of encrypted recordings on a 50 MB file against reading the same bytes from disk, in one run:
 * throughput of a whole download, time to the first 64 KiB of a {@code Range} request at a random position, and
 * encryption as an upload is stored. Medians of interleaved rounds (the machine is shared). The HTTP path comes on top
 * of these. Not part of the default test run; run it with
 * {@code ./mvnw -pl call-service -am verify -Dtest=AudioEncryptionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AudioEncryptionBenchmark {

    private static final Logger LOG = Logger.getLogger(AudioEncryptionBenchmark.class);
    private static final int SIZE = 50 * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final int ROUNDS = 15;

    @TempDir
    Path directory;

    private final UUID call = UUID.randomUUID();
    private final DataKey key = DataKey.generate();

    @Test
    void encryptedPlaybackAgainstReadingFromDisk() throws Exception {
        byte[] audio = new byte[SIZE];
        new Random(1).nextBytes(audio);
        Path plain = Files.write(directory.resolve("plain"), audio);
        Path encrypted = directory.resolve("encrypted");
        Random positions = new Random(2);
        double[][] millis = new double[5][ROUNDS];
        for (int round = -3; round < ROUNDS; round++) { // three rounds of warm-up
            double[] sample = new double[5];
            long start = System.nanoTime();
            encrypt(audio, encrypted);
            sample[0] = elapsed(start);
            start = System.nanoTime();
            try (SeekableByteChannel channel = FileChannel.open(plain)) {
                readAll(channel);
            }
            sample[1] = elapsed(start);
            start = System.nanoTime();
            try (SeekableByteChannel channel = AudioEncryption.decrypting(FileChannel.open(encrypted), key, call,
                    "1")) {
                readAll(channel);
            }
            sample[2] = elapsed(start);
            long position = (long) (positions.nextDouble() * (SIZE - BUFFER));
            start = System.nanoTime();
            try (SeekableByteChannel channel = FileChannel.open(plain)) {
                channel.position(position).read(ByteBuffer.allocate(BUFFER));
            }
            sample[3] = elapsed(start);
            start = System.nanoTime();
            try (SeekableByteChannel channel = AudioEncryption.decrypting(FileChannel.open(encrypted), key, call,
                    "1")) {
                channel.position(position).read(ByteBuffer.allocate(BUFFER));
            }
            sample[4] = elapsed(start);
            if (round >= 0) {
                for (int i = 0; i < sample.length; i++) {
                    millis[i][round] = sample[i];
                }
            }
        }
        double megabytes = SIZE / 1e6;
        double plainRead = median(millis[1]);
        double decrypt = median(millis[2]);
        LOG.infof("%nRecordings encryption, a 50 MB file, medians of %d rounds%n"
                + "%-46s %8.0f MB/s%n%-46s %8.0f MB/s%n%-46s %8.0f MB/s  (%.2f of the baseline)%n"
                + "%-46s %8.2f ms%n%-46s %8.2f ms%n",
                ROUNDS,
                "encrypt (upload stored)", megabytes / (median(millis[0]) / 1e3),
                "baseline: read the plain file from disk", megabytes / (plainRead / 1e3),
                "decrypt the whole file (download)", megabytes / (decrypt / 1e3), plainRead / decrypt,
                "first 64 KiB at a random position, plain", median(millis[3]),
                "first 64 KiB at a random position, encrypted", median(millis[4]));
    }

    private void encrypt(byte[] audio, Path target) throws IOException, GeneralSecurityException {
        try (InputStream ciphertext = AudioEncryption.encrypting(new ByteArrayInputStream(audio), key, call, "1")) {
            Files.copy(ciphertext, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void readAll(SeekableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long total = 0;
        int read;
        while ((read = channel.read(buffer)) >= 0) {
            total += read;
            buffer.clear();
        }
        if (total != SIZE) {
            throw new IllegalStateException("read " + total + " bytes of " + SIZE);
        }
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
