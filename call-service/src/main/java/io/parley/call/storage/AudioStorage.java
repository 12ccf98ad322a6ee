package io.parley.call.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

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

    /** The key of a new object of the call: {@code {call_id}/{random id}.{extension}}, never used before. */
    static String newKey(UUID callId, AudioFormat format) {
        return callId + "/" + UUID.randomUUID() + "." + format.extension();
    }

    /** Where the object is, as the file object's {@code file_path} shows it. */
    String location(String key);
}
