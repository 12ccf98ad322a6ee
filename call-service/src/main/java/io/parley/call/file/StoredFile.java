package io.parley.call.file;

import java.util.Optional;
import java.util.UUID;

import io.parley.call.encryption.WrappedDataKey;
import io.parley.call.storage.AudioFormat;

/**
 * A file of a call whose audio is stored: where, in which format, how long the audio is, and its data key when the
 * stored object is encrypted.
 */
public record StoredFile(UUID callId, String fileId, String storageKey, AudioFormat format, long size,
        Optional<WrappedDataKey> encryption) {
}
