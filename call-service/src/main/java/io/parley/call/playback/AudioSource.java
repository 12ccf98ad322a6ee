package io.parley.call.playback;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a file as playback serves them, readable from any offset: the seam between the HTTP layer (ranges,
 * concatenation, signed URLs) and how a file is kept, as uploaded ({@link StoredAudio}) or encrypted
 * ({@link EncryptedAudio}); {@link AudioSources} picks one.
 */
public interface AudioSource {

    /** How many bytes the file has, as served. */
    long length();

    /** {@code length} bytes from {@code offset}, both within {@link #length()}. */
    InputStream open(long offset, long length) throws IOException;
}
