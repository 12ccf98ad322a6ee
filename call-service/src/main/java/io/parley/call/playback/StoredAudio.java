package io.parley.call.playback;

import java.io.IOException;
import java.io.InputStream;

import io.parley.call.storage.AudioStorage;

/** A stored object served as it was uploaded. */
record StoredAudio(AudioStorage storage, String key, long length) implements AudioSource {

    @Override
    public InputStream open(long offset, long length) throws IOException {
        return storage.read(key, offset, length);
    }
}
