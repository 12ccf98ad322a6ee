package io.parley.call.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.call.call.CallChanges;
import io.parley.call.call.CallLocks;
import io.parley.call.deletion.AudioDeletions;
import io.parley.call.encryption.AudioEncryption;
import io.parley.call.encryption.UploadEncryption;
import io.parley.call.encryption.WrappedDataKey;
import io.parley.call.storage.AudioFormat;
import io.parley.call.storage.AudioStorage;
import io.parley.common.sql.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Settles files stored in clear because their call's tenant was not known at the upload ({@code encryption_pending}):
 * once the call has a tenant, its files are encrypted if the tenant encrypts its recordings (the plaintext object is
 * then deleted through the deletion queue), or simply marked settled if it does not. A tenant that encrypts but has no
 * active key keeps its files pending until it has one. The encrypted copy replaces the plaintext only if the file
 * still has it (a new upload or a deletion meanwhile wins), and only if the plaintext still has its SHA-1.
 */
@ApplicationScoped
public class PendingEncryption {

    private static final Logger LOG = Logger.getLogger(PendingEncryption.class);
    private static final int BATCH = 20;

    private final DataSource dataSource;
    private final AudioStorage storage;
    private final UploadEncryption encryption;
    private final CallChanges changes;

    PendingEncryption(DataSource dataSource, AudioStorage storage, UploadEncryption encryption,
            CallChanges changes) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.encryption = encryption;
        this.changes = changes;
    }

    private record Pending(UUID callId, String fileId, String storageKey, AudioFormat format, long size,
            String watermark) {
    }

    @Scheduled(every = "${parley.audio.encryption-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            for (Pending file : due()) {
                settle(file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Encrypting audio stored before its tenant was known failed, retried later: %s",
                    e.getMessage());
        }
    }

    /**
     * Files whose call now has a tenant that either does not encrypt or has an active key. The pending files are read
     * first, by their own index: joined by estimates, every call of every tenant was read to find them, every run.
     */
    private List<Pending> due() {
        return Jdbc.on(dataSource, "Reading the files pending encryption", connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    WITH pending AS MATERIALIZED (SELECT * FROM call_file WHERE encryption_pending)
                    SELECT f.call_id, f.file_id, f.storage_key, f.format, f.stored_size, f.stored_watermark
                    FROM pending f
                    JOIN call c ON c.call_id = f.call_id
                    JOIN known_tenant t ON t.id = c.tenant_id AND t.deleted_at IS NULL
                    WHERE (NOT t.encrypt_data OR EXISTS (SELECT 1 FROM known_encrypt_key k
                        WHERE k.tenant_id = t.id AND k.is_active AND NOT k.deleted))
                    ORDER BY f.stored_at LIMIT ?""")) {
                query.setInt(1, BATCH);
                List<Pending> due = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Pending(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                AudioFormat.ofExtension(rows.getString(4)).orElseThrow(), rows.getLong(5),
                                rows.getString(6)));
                    }
                }
                return due;
            }
        });
    }

    private void settle(Pending file) throws IOException {
        UploadEncryption.Plan plan = inTransaction("Reading the call's encryption",
                connection -> encryption.forCall(connection, file.callId()));
        if (plan instanceof UploadEncryption.Clear) {
            inTransaction("Settling audio stored in the clear",
                    connection -> replace(connection, file, file.storageKey(), null));
        } else if (plan instanceof UploadEncryption.Encrypt encrypt) {
            AudioEncryption.DataKey dataKey = AudioEncryption.DataKey.generate();
            String key = AudioStorage.newKey(file.callId(), file.format());
            MessageDigest sha1 = AudioUploads.sha1();
            try (InputStream plaintext = new DigestInputStream(storage.read(file.storageKey(), 0, file.size()), sha1);
                    InputStream ciphertext = AudioEncryption.encrypting(plaintext, dataKey, file.callId(),
                            file.fileId())) {
                storage.write(key, ciphertext);
            }
            if (!HexFormat.of().formatHex(sha1.digest()).equals(file.watermark())) {
                storage.delete(key);
                throw new IOException("The stored audio of call " + file.callId() + " file " + file.fileId()
                        + " no longer has the SHA-1 it was uploaded with");
            }
            WrappedDataKey wrapped = encrypt.wrap(dataKey);
            inTransaction("Settling encrypted audio", connection -> replace(connection, file, key, wrapped));
        }
    }

    /**
     * Makes {@code key} the file's audio, settled, if the file still holds the audio that was pending; else the new
     * object is queued for deletion. Replacing the key queues the plaintext's deletion (V6__audio.sql).
     */
    private Void replace(Connection connection, Pending file, String key, WrappedDataKey wrapped)
            throws SQLException {
        CallLocks.lock(connection, List.of(file.callId()));
        int updated;
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE call_file SET storage_key = ?, file_path = ?, encrypt_key_id = ?, wrapped_data_key = ?,
                    encryption_pending = false
                WHERE call_id = ? AND file_id = ? AND storage_key = ? AND encryption_pending""")) {
            update.setString(1, key);
            update.setString(2, storage.location(key));
            update.setObject(3, wrapped == null ? null : wrapped.keyId());
            update.setString(4, wrapped == null ? null : wrapped.wrapped());
            update.setObject(5, file.callId());
            update.setString(6, file.fileId());
            update.setString(7, file.storageKey());
            updated = update.executeUpdate();
        }
        if (updated == 0 && !key.equals(file.storageKey())) {
            AudioDeletions.enqueue(connection, key);
        } else if (updated > 0 && wrapped != null) {
            changes.publish(connection, List.of(file.callId()), Set.of(file.callId()));
            LOG.infof("Encrypted the audio of call %s file %s, stored before its tenant was known", file.callId(),
                    file.fileId());
        }
        return null;
    }

    /** The work in a transaction of its own, committed when it returns. */
    private <T> T inTransaction(String what, Jdbc.Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.on(dataSource, what, work));
    }
}
