package io.parley.call.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A stored object read as a channel from any position, for the decrypting channel of an encrypted file. Reads go
 * through ranged streams from storage: a read elsewhere than the last one ended (a seek) opens a range of one
 * segment, and each range read to its end while reading on is followed by one twice as long. A full download thus
 * takes a few dozen requests to storage at most, and a {@code Range} request (whose first read is the header at the
 * start of the object) never asks storage for more than about twice what it needs.
 */
public final class StorageChannel implements SeekableByteChannel {

    private static final long FIRST_RANGE = 64 * 1024;

    private final AudioStorage storage;
    private final String key;
    private final long size;
    private long position;
    private InputStream stream;
    /** Where {@link #stream} reads next, and where its range ends. */
    private long streamPosition = -1;
    private long streamEnd = -1;
    private long rangeLength = FIRST_RANGE;
    private boolean open = true;

    public StorageChannel(AudioStorage storage, String key, long size) {
        this.storage = storage;
        this.key = key;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        if (stream == null || streamPosition != position || position == streamEnd) {
            rangeLength = position == streamEnd ? rangeLength * 2 : FIRST_RANGE;
            closeStream();
            streamEnd = Math.min(size, position + Math.max(rangeLength, target.remaining()));
            stream = storage.read(key, position, streamEnd - position);
            streamPosition = position;
        }
        int wanted = (int) Math.min(target.remaining(), streamEnd - position);
        int read;
        if (target.hasArray()) {
            read = stream.read(target.array(), target.arrayOffset() + target.position(), wanted);
            if (read > 0) {
                target.position(target.position() + read);
            }
        } else {
            byte[] bytes = new byte[wanted];
            read = stream.read(bytes);
            if (read > 0) {
                target.put(bytes, 0, read);
            }
        }
        if (read < 0) {
            throw new IOException("The stored object " + key + " ends before its " + size + " bytes");
        }
        position += read;
        streamPosition += read;
        return read;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("A position is at least 0");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        closeStream();
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
