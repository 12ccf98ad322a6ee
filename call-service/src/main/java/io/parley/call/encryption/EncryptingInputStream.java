package io.parley.call.encryption;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Turns an encrypter that writes ({@code OutputStream}) into a stream that reads: plaintext is pulled a buffer at a
 * time through the encrypter, and what it has written so far is handed out. At most a segment or two of ciphertext is
 * held at a time; the encrypter is closed (its last segment written) when the plaintext ends.
 */
final class EncryptingInputStream extends InputStream {

    /** An encrypter writing its ciphertext into the given stream. */
    interface Encrypter {
        OutputStream writingTo(OutputStream ciphertext) throws GeneralSecurityException, IOException;
    }

    private final InputStream plaintext;
    private final Pending pending = new Pending();
    private final OutputStream encrypter;
    private final byte[] buffer = new byte[AudioEncryption.SEGMENT_BYTES];
    private int position;
    private boolean ended;

    EncryptingInputStream(InputStream plaintext, Encrypter encrypter) throws GeneralSecurityException, IOException {
        this.plaintext = plaintext;
        this.encrypter = encrypter.writingTo(pending);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == pending.size() && !ended) {
            pending.reset();
            position = 0;
            int read = plaintext.read(buffer);
            if (read < 0) {
                ended = true;
                encrypter.close(); // the last segment
            } else {
                encrypter.write(buffer, 0, read);
            }
        }
        int available = pending.size() - position;
        if (available == 0) {
            return -1;
        }
        int count = Math.min(length, available);
        System.arraycopy(pending.bytes(), position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }

    /** The ciphertext written and not yet read. */
    private static final class Pending extends ByteArrayOutputStream {

        byte[] bytes() {
            return buf;
        }
    }
}
