package io.parley.call.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.call.audio.Audio;

/**
 * What an encrypted file's reads ask of storage: a whole read in a few growing ranges, and a read in the middle (a
 * {@code Range} request) no more than a segment's worth, never the rest of the object.
 */
class StorageChannelTest {

    @TempDir
    Path directory;

    private final byte[] object = Audio.bytes(4, 5_000_000);

    @Test
    void wholeObjectIsReadInAFewRangesThatTogetherAskForItOnce() throws IOException {
        CountingStorage storage = stored();
        ByteBuffer read = ByteBuffer.allocate(object.length);
        try (StorageChannel channel = new StorageChannel(storage, "o", object.length)) {
            ByteBuffer segment = ByteBuffer.allocate(64 * 1024);
            while (channel.read(segment.clear()) > 0) {
                read.put(segment.flip());
            }
        }
        assertArrayEquals(object, read.array());
        assertEquals(object.length, storage.bytesAsked);
        assertTrue(storage.requests <= 8, storage.requests + " requests");
    }

    @Test
    void readInTheMiddleAsksForLittleMoreThanItReads() throws IOException {
        CountingStorage storage = stored();
        ByteBuffer read = ByteBuffer.allocate(1_000);
        try (StorageChannel channel = new StorageChannel(storage, "o", object.length)) {
            channel.read(ByteBuffer.allocate(40)); // the header, as the decrypting channel reads it
            channel.position(3_000_000);
            while (read.hasRemaining()) {
                channel.read(read);
            }
        }
        assertArrayEquals(Arrays.copyOfRange(object, 3_000_000, 3_001_000), read.array());
        assertEquals(2, storage.requests);
        assertEquals(2 * 64 * 1024, storage.bytesAsked);
    }

    private CountingStorage stored() throws IOException {
        CountingStorage storage = new CountingStorage(new FilesystemStorage(directory));
        storage.write("o", new ByteArrayInputStream(object));
        return storage;
    }

    /** The real filesystem storage, counting what is asked of it. */
    private static final class CountingStorage implements AudioStorage {

        private final AudioStorage storage;
        private int requests;
        private long bytesAsked;

        CountingStorage(AudioStorage storage) {
            this.storage = storage;
        }

        @Override
        public void write(String key, InputStream bytes) throws IOException {
            storage.write(key, bytes);
        }

        @Override
        public InputStream read(String key, long offset, long length) throws IOException {
            requests++;
            bytesAsked += length;
            return storage.read(key, offset, length);
        }

        @Override
        public void delete(String key) throws IOException {
            storage.delete(key);
        }

        @Override
        public String location(String key) {
            return storage.location(key);
        }
    }
}
