package io.parley.call.media;

import java.io.IOException;
import java.io.InputStream;

/** A stored object served as it was uploaded. */
record StoredAudio(AudioStorage storage, String key, long length) implements AudioSource {

    @Override
    public InputStream open(long offset, long length) throws IOException {
        return storage.read(key, offset, length);
    }
}
