package io.parley.call.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.call.call.CallBounds;
import io.parley.call.call.CallChanges;
import io.parley.call.call.CallLocks;
import io.parley.call.deletion.AudioDeletions;
import io.parley.call.encryption.WrappedDataKey;
import io.parley.call.integrity.AudioIntegrity;
import io.parley.call.storage.AudioFormat;
import io.parley.common.api.error.ApiException;
import io.parley.common.events.call.Call;
import io.parley.common.sql.Jdbc;
import io.parley.common.sql.Sql;

/** The audio files' rows: uploads recorded, and the stored files of a call found for playback. */
@ApplicationScoped
public class AudioFiles {

    /** Older than any recorder event, like ingest's placeholder: a file's or call's reported fields win over it. */
    private static final OffsetDateTime BEFORE_ANY_EVENT = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final DataSource dataSource;
    private final AudioIntegrity integrity;
    private final CallChanges changes;

    AudioFiles(DataSource dataSource, AudioIntegrity integrity, CallChanges changes) {
        this.dataSource = dataSource;
        this.integrity = integrity;
        this.changes = changes;
    }

    /**
     * What an upload stored: the audio's size and SHA-1, its data key when the stored object is encrypted, and whether
     * it was stored in clear only because the call's tenant was not known yet.
     */
    public record Upload(UUID callId, String fileId, String storageKey, String location, AudioFormat format,
            long size, String watermark, Optional<WrappedDataKey> encryption, boolean encryptionPending) {
    }

    /** The outcome of recording an upload: whether the file had no audio before, and its integrity now. */
    public record Recorded(boolean created, String integrity) {
    }

    /**
     * Records stored audio as the file's, making the call's and file's rows when the recorder's events have not come
     * yet (the call of the recorder's tenant, if it has one), and publishes the call's change; the audio stored before
     * for the file, if any, is deleted after the commit (the {@code audio_deletion} queue). A call deleted meanwhile
     * (or dropped), or one a tenant's recorder may not touch ({@link #closedTo}), is left as it is and the upload is
     * queued for deletion instead.
     *
     * @param recorderTenant the tenant of the recorder that uploaded; empty for one that serves every tenant
     * @return empty for a deleted call, or one closed to the recorder
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Recorded> record(Upload upload, Optional<UUID> recorderTenant) {
        return Jdbc.on(dataSource, "Recording an upload", connection -> {
            CallLocks.lock(connection, List.of(upload.callId())); // ordered with ingest and deletes of the call
            if (ignored(connection, upload.callId())
                    || recorderTenant.isPresent() && closedTo(connection, upload.callId(), recorderTenant.get())) {
                AudioDeletions.enqueue(connection, upload.storageKey());
                return Optional.empty();
            }
            if (CallBounds.exceeded(connection, Map.of(), Map.of(upload.callId(), Set.of(upload.fileId())),
                    Set.of(upload.callId())).isPresent()) {
                throw ApiException.invalidField("file_id", "invalid",
                        "would give the call more than " + Call.FILES + " files");
            }
            boolean callExisted;
            try (PreparedStatement call = connection.prepareStatement(
                    "INSERT INTO call (call_id, tenant_id, last_event_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                call.setObject(1, upload.callId());
                call.setObject(2, recorderTenant.orElse(null));
                call.setObject(3, BEFORE_ANY_EVENT);
                callExisted = call.executeUpdate() == 0;
            }
            boolean created = storedKey(connection, upload.callId(), upload.fileId()).isEmpty();
            try (PreparedStatement file = connection.prepareStatement("""
                    INSERT INTO call_file AS t (call_id, file_id, file_path, storage_key, format, stored_size,
                                                stored_watermark, stored_at, integrity, last_event_at,
                                                encrypt_key_id, wrapped_data_key, encryption_pending)
                    VALUES (?, ?, ?, ?, ?, ?, ?, now(), NULL, ?, ?, ?, ?)
                    ON CONFLICT (call_id, file_id) DO UPDATE SET file_path = EXCLUDED.file_path,
                        storage_key = EXCLUDED.storage_key, format = EXCLUDED.format,
                        stored_size = EXCLUDED.stored_size, stored_watermark = EXCLUDED.stored_watermark,
                        stored_at = EXCLUDED.stored_at, integrity = NULL, encrypt_key_id = EXCLUDED.encrypt_key_id,
                        wrapped_data_key = EXCLUDED.wrapped_data_key,
                        encryption_pending = EXCLUDED.encryption_pending""")) {
                int i = 1;
                file.setObject(i++, upload.callId());
                file.setString(i++, upload.fileId());
                file.setString(i++, upload.location());
                file.setString(i++, upload.storageKey());
                file.setString(i++, upload.format().extension());
                file.setLong(i++, upload.size());
                file.setString(i++, upload.watermark());
                file.setObject(i++, BEFORE_ANY_EVENT);
                file.setObject(i++, upload.encryption().map(WrappedDataKey::keyId).orElse(null));
                file.setString(i++, upload.encryption().map(WrappedDataKey::wrapped).orElse(null));
                file.setBoolean(i, upload.encryptionPending());
                file.executeUpdate();
            }
            integrity.check(connection, List.of(upload.callId()));
            changes.publish(connection, List.of(upload.callId()),
                    callExisted ? Set.of(upload.callId()) : Set.of());
            return Optional.of(new Recorded(created, integrityOf(connection, upload.callId(), upload.fileId())));
        });
    }

    /**
     * The call's files with stored audio, in the order the call object lists them (or only the one asked for), when
     * the call exists within the scope; the list is empty when none (or not the one asked for) has audio.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<StoredFile>> stored(Sql scope, UUID callId, Optional<String> fileId) {
        return Jdbc.on(dataSource, "Reading a call's files", connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT f.file_id, f.storage_key, f.format, f.stored_size, f.encrypt_key_id,
                        f.wrapped_data_key
                    FROM call c LEFT JOIN call_file f ON f.call_id = c.call_id AND f.storage_key IS NOT NULL
                        AND (CAST(? AS text) IS NULL OR f.file_id = ?)
                    WHERE c.call_id = ? AND (""" + scope.sql() + ")"
                    + " ORDER BY f.start_time, f.file_id")) {
                query.setString(1, fileId.orElse(null));
                query.setString(2, fileId.orElse(null));
                query.setObject(3, callId);
                scope.bind(query, 4);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    List<StoredFile> files = new ArrayList<>();
                    do {
                        if (rows.getString("storage_key") != null) {
                            UUID keyId = rows.getObject("encrypt_key_id", UUID.class);
                            String wrapped = rows.getString("wrapped_data_key");
                            files.add(new StoredFile(callId, rows.getString("file_id"), rows.getString("storage_key"),
                                    AudioFormat.ofExtension(rows.getString("format")).orElseThrow(),
                                    rows.getLong("stored_size"), Optional.ofNullable(keyId)
                                            .map(id -> new WrappedDataKey(id, wrapped))));
                        }
                    } while (rows.next());
                    return Optional.of(files);
                }
            }
        });
    }

    /**
     * Whether a tenant's recorder may not upload for the call: it is stored and is not a call of the tenant (another
     * tenant's, or no tenant's). A call not stored yet is open: the upload makes it the tenant's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean closedTo(UUID callId, UUID recorderTenant) {
        return Jdbc.on(dataSource, "Reading the call's tenant", connection -> closedTo(connection, callId, recorderTenant));
    }

    private static boolean closedTo(Connection connection, UUID callId, UUID recorderTenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM call WHERE call_id = ? AND tenant_id IS DISTINCT FROM ?")) {
            query.setObject(1, callId);
            query.setObject(2, recorderTenant);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean ignored(Connection connection, UUID callId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM ignored_call WHERE call_id = ?")) {
            query.setObject(1, callId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The audio stored for the file before, if any (the call is locked: nobody changes it meanwhile). */
    private static Optional<String> storedKey(Connection connection, UUID callId, String fileId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT storage_key FROM call_file WHERE call_id = ? AND file_id = ?")) {
            query.setObject(1, callId);
            query.setString(2, fileId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String integrityOf(Connection connection, UUID callId, String fileId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT integrity FROM call_file WHERE call_id = ? AND file_id = ?")) {
            query.setObject(1, callId);
            query.setString(2, fileId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
