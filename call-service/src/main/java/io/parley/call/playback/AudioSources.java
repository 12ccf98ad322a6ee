package io.parley.call.playback;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.file.StoredFile;
import io.parley.call.storage.AudioStorage;

/**
 * The sources playback reads files through. The one place that decides how a stored file becomes the bytes served: as
 * stored, or decrypted with its data key, opened (by {@code keys}) before anything is served so that a refusal is an
 * error status.
 */
@ApplicationScoped
public class AudioSources {

    private final AudioStorage storage;

    AudioSources(AudioStorage storage) {
        this.storage = storage;
    }

    public AudioSource of(StoredFile file, DataKeyOpener keys) {
        return file.encryption().<AudioSource> map(key -> new EncryptedAudio(storage, file, keys.open(file.fileId(), key)))
                .orElseGet(() -> new StoredAudio(storage, file.storageKey(), file.size()));
    }

    /** The files one after the other, as one. */
    public AudioSource of(List<StoredFile> files, DataKeyOpener keys) {
        return ConcatenatedAudio.of(files.stream().map(file -> of(file, keys)).toList());
    }
}
