package io.parley.call.playback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;

import io.parley.call.encryption.AudioEncryption;
import io.parley.call.file.StoredFile;
import io.parley.call.storage.AudioStorage;
import io.parley.call.storage.BoundedInputStream;
import io.parley.call.storage.StorageChannel;

/**
 * A stored object encrypted at upload, served decrypted: a range reads and decrypts only the segments it covers. A
 * segment that fails its check (changed, cut, swapped) fails the read, and the response is aborted rather than served.
 */
public record EncryptedAudio(AudioStorage storage, StoredFile file, AudioEncryption.DataKey key) implements AudioSource {

    @Override
    public long length() {
        return file.size();
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        StorageChannel ciphertext = new StorageChannel(storage, file.storageKey(),
                AudioEncryption.ciphertextSize(file.size()));
        SeekableByteChannel plaintext;
        try {
            plaintext = AudioEncryption.decrypting(ciphertext, key, file.callId(), file.fileId());
        } catch (GeneralSecurityException e) {
            ciphertext.close();
            throw new IOException("The data key of file " + file.fileId() + " cannot decrypt", e);
        }
        plaintext.position(offset);
        return new BoundedInputStream(Channels.newInputStream(plaintext), length);
    }
}
