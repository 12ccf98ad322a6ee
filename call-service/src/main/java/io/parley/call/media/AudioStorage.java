package io.parley.call.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of audio files live: a key names one object, written once and never changed (a new upload of a
 * file gets a new key). Implementations: {@link FilesystemStorage}, {@link S3Storage}; {@link AudioStorageProducer}
 * picks one from the configuration.
 */
public interface AudioStorage {

    /** Stores everything the stream gives under the key; the object is visible whole or not at all. */
    void write(String key, InputStream bytes) throws IOException;

    /** Reads {@code length} bytes of the object from {@code offset}. */
    InputStream read(String key, long offset, long length) throws IOException;

    /** Deletes the object; one that does not exist is no failure. */
    void delete(String key) throws IOException;

    /** Where the object is, as the file object's {@code file_path} shows it. */
    String location(String key);
}
