package io.parley.call.deletion;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.call.storage.AudioConfig;
import io.parley.call.storage.AudioStorage;
import io.parley.common.sql.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the stored audio the {@code audio_deletion} queue names: objects of files whose rows are gone (a deleted
 * call, a call dropped by association) and of replaced uploads. Rows are written by the database in the transaction
 * that dropped the file (V6__audio.sql), so an object is never deleted before that commits, and a row is removed only
 * once its object is gone: a storage failure is retried, later each time (up to an hour apart), never forgotten.
 * Replicas share the queue ({@code SKIP LOCKED}).
 */
@ApplicationScoped
public class AudioDeletions {

    private static final Logger LOG = Logger.getLogger(AudioDeletions.class);
    private static final int BATCH = 100;

    private final DataSource dataSource;
    private final AudioStorage storage;
    private final long intervalSeconds;

    AudioDeletions(DataSource dataSource, AudioStorage storage, AudioConfig config) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.intervalSeconds = Math.max(1, config.deletionInterval().toSeconds());
    }

    /** Queues a stored object for deletion once the caller's transaction commits. */
    public static void enqueue(Connection connection, String storageKey) throws SQLException {
        try (PreparedStatement enqueue = connection.prepareStatement(
                "INSERT INTO audio_deletion (storage_key) VALUES (?) ON CONFLICT DO NOTHING")) {
            enqueue.setString(1, storageKey);
            enqueue.executeUpdate();
        }
    }

    @Scheduled(every = "${parley.audio.deletion-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::deleteBatch) == BATCH) {
                // more are due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Deleting audio failed, retried in %ss: %s", intervalSeconds, e.getMessage());
        }
    }

    /** Deletes the objects of one batch of due rows; returns how many rows were due. */
    private int deleteBatch() {
        return Jdbc.on(dataSource, "Reading the audio deletion queue", connection -> {
            try (PreparedStatement due = connection.prepareStatement("SELECT storage_key, attempts FROM audio_deletion"
                    + " WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED");
                    PreparedStatement done = connection.prepareStatement(
                            "DELETE FROM audio_deletion WHERE storage_key = ?");
                    PreparedStatement later = connection.prepareStatement("UPDATE audio_deletion SET attempts = attempts"
                            + " + 1, next_attempt_at = now() + make_interval(secs => ?) WHERE storage_key = ?")) {
                due.setInt(1, BATCH);
                List<String> keys = new ArrayList<>();
                List<Integer> attempts = new ArrayList<>();
                try (ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                        attempts.add(rows.getInt(2));
                    }
                }
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    try {
                        storage.delete(key);
                        done.setString(1, key);
                        done.addBatch();
                    } catch (IOException | RuntimeException e) {
                        long backoff = Math.min(3600, intervalSeconds << Math.min(attempts.get(i), 12));
                        LOG.warnf("Could not delete audio %s (attempt %d), retried in %ss: %s", key, attempts.get(i) + 1,
                                backoff, e.getMessage());
                        later.setDouble(1, backoff);
                        later.setString(2, key);
                        later.addBatch();
                    }
                }
                done.executeBatch();
                later.executeBatch();
                return keys.size();
            }
        });
    }
}
