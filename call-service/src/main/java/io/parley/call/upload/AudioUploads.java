package io.parley.call.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.call.encryption.AudioEncryption;
import io.parley.call.encryption.UploadEncryption;
import io.parley.call.encryption.WrappedDataKey;
import io.parley.call.file.AudioFiles;
import io.parley.call.storage.AudioConfig;
import io.parley.call.storage.AudioFormat;
import io.parley.call.storage.AudioStorage;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;

/**
 * A recorder's upload of a file: the bytes streamed into storage under a new key while their size and SHA-1 are
 * measured, then recorded as the file's audio ({@link AudioFiles#record}). Nothing is held whole in memory; a body
 * larger than the configured maximum stops the upload with {@code 413}, and what was written of it is deleted.
 */
@ApplicationScoped
public class AudioUploads {

    private static final Logger LOG = Logger.getLogger(AudioUploads.class);

    private final AudioStorage storage;
    private final AudioFiles files;
    private final UploadEncryption encryption;
    private final long maxFileSize;

    AudioUploads(AudioStorage storage, AudioFiles files, UploadEncryption encryption, AudioConfig config) {
        this.storage = storage;
        this.files = files;
        this.encryption = encryption;
        this.maxFileSize = config.maxFileSize().asLongValue();
    }

    /**
     * The upload as stored and recorded; empty when the call was deleted, or when it is closed to the recorder's
     * tenant ({@link AudioFiles#closedTo}: then nothing of the body is read). The size and SHA-1 are the audio's;
     * what is stored is encrypted when the call's tenant encrypts its recordings ({@link UploadEncryption}).
     *
     * @param recorderTenant the tenant of the recorder; empty for one that serves every tenant
     */
    public Optional<Stored> upload(UUID callId, String fileId, AudioFormat format, InputStream body,
            Optional<UUID> recorderTenant) throws IOException {
        if (recorderTenant.isPresent() && files.closedTo(callId, recorderTenant.get())) {
            return Optional.empty();
        }
        UploadEncryption.Plan plan = encryption.forCall(callId);
        if (plan instanceof UploadEncryption.NoActiveKey) {
            throw UploadEncryption.noActiveKey();
        }
        String key = AudioStorage.newKey(callId, format);
        MessageDigest sha1 = sha1();
        CountingInputStream counted = new CountingInputStream(new DigestInputStream(body, sha1), maxFileSize);
        InputStream stored = counted;
        WrappedDataKey wrapped = null;
        if (plan instanceof UploadEncryption.Encrypt encrypt) {
            AudioEncryption.DataKey dataKey = AudioEncryption.DataKey.generate();
            wrapped = encrypt.wrap(dataKey);
            stored = AudioEncryption.encrypting(counted, dataKey, callId, fileId);
        }
        try {
            storage.write(key, stored);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(key);
            if (counted.tooLarge) {
                throw new ApiException(413, ApiError.of("PayloadTooLarge",
                        "An audio file must be at most " + maxFileSize + " bytes"));
            }
            throw e;
        }
        String watermark = HexFormat.of().formatHex(sha1.digest());
        AudioFiles.Upload upload = new AudioFiles.Upload(callId, fileId, key, storage.location(key), format,
                counted.count, watermark, Optional.ofNullable(wrapped), plan instanceof UploadEncryption.Pending);
        Optional<AudioFiles.Recorded> recorded;
        try {
            recorded = files.record(upload, recorderTenant); // checks the call again, under its lock
        } catch (RuntimeException e) {
            deleteQuietly(key); // not recorded: nobody refers to it
            throw e;
        }
        return recorded.map(outcome -> new Stored(upload, outcome.created(), outcome.integrity()));
    }

    /** What was stored, whether the file is new, and how it compares with what the recorder reported. */
    public record Stored(AudioFiles.Upload upload, boolean created, String integrity) {
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not delete the unrecorded upload %s: %s", key, e.getMessage());
        }
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what passes, and fails the read that would pass the limit. */
    private static final class CountingInputStream extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean tooLarge;

        CountingInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("An upload is read whole");
        }

        private void counted(int bytes) throws IOException {
            count += bytes;
            if (count > limit) {
                tooLarge = true;
                throw new IOException("The upload is larger than " + limit + " bytes");
            }
        }
    }
}
