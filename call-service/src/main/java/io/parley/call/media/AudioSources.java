package io.parley.call.media;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sources playback reads files through. The one place that decides how a stored file becomes the bytes served:
 * where encrypted files will be given a decrypting source.
 */
@ApplicationScoped
public class AudioSources {

    private final AudioStorage storage;

    AudioSources(AudioStorage storage) {
        this.storage = storage;
    }

    public AudioSource of(StoredFile file) {
        return new StoredAudio(storage, file.storageKey(), file.size());
    }

    /** The files one after the other, as one. */
    public AudioSource of(List<StoredFile> files) {
        return ConcatenatedAudio.of(files.stream().map(this::of).toList());
    }
}
