package io.parley.call.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.common.events.CallEvents;
import io.parley.common.events.call.FileMismatched;
import io.parley.common.events.outbox.Outbox;

/**
 * Compares what recorders reported of their files ({@code file.completed}: {@code file_size}, {@code watermark}) with
 * the audio they uploaded, whichever came first: each file with stored audio gets its {@code integrity}
 * ({@code unverified}, {@code verified} or {@code mismatch}); a file that becomes {@code mismatch} is logged, counted
 * ({@code parley_audio_mismatches_total}) and published as {@code file.mismatched} on {@code call.events}, in the
 * caller's transaction.
 */
@ApplicationScoped
public class AudioIntegrity {

    private static final Logger LOG = Logger.getLogger(AudioIntegrity.class);

    private static final String CHECK = """
            WITH checked AS (
                SELECT call_id, file_id, integrity AS before,
                       CASE WHEN (file_size IS NOT NULL AND file_size <> stored_size)
                                 OR (watermark IS NOT NULL AND lower(watermark) <> stored_watermark) THEN 'mismatch'
                            WHEN file_size IS NULL AND watermark IS NULL THEN 'unverified'
                            ELSE 'verified' END AS after
                FROM call_file WHERE call_id = ANY(?) AND storage_key IS NOT NULL FOR UPDATE)
            UPDATE call_file f SET integrity = c.after FROM checked c
            WHERE f.call_id = c.call_id AND f.file_id = c.file_id AND f.integrity IS DISTINCT FROM c.after
            RETURNING f.call_id, f.file_id, f.file_size, f.watermark, f.stored_size, f.stored_watermark, f.integrity,
                      (SELECT tenant_id FROM call WHERE call_id = f.call_id) AS tenant_id""";

    private final Outbox outbox;
    private final Counter mismatches;

    AudioIntegrity(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.mismatches = Counter.builder("parley.audio.mismatches")
                .description("Uploaded audio files whose size or SHA-1 differs from what the recorder reported")
                .register(registry);
    }

    /** Checks the stored files of these calls again, after their reports or audio changed. */
    public void check(Connection connection, Collection<UUID> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        List<Outbox.Message> events = new ArrayList<>();
        try (PreparedStatement check = connection.prepareStatement(CHECK)) {
            check.setArray(1, connection.createArrayOf("uuid", calls.toArray()));
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    if ("mismatch".equals(rows.getString("integrity"))) {
                        events.add(mismatched(rows));
                    }
                }
            }
        }
        outbox.publishAll(CallEvents.TOPIC, CallEvents.VERSION, events);
    }

    private Outbox.Message mismatched(ResultSet rows) throws SQLException {
        UUID call = rows.getObject("call_id", UUID.class);
        String file = rows.getString("file_id");
        FileMismatched.Audio reported = new FileMismatched.Audio(rows.getObject("file_size", Long.class),
                rows.getString("watermark"));
        FileMismatched.Audio stored = new FileMismatched.Audio(rows.getLong("stored_size"),
                rows.getString("stored_watermark"));
        LOG.warnf("Audio of call %s file %s differs from what its recorder reported: reported %s, stored %s", call,
                file, reported, stored);
        mismatches.increment();
        return new Outbox.Message(call.toString(), CallEvents.FILE_MISMATCHED, rows.getObject("tenant_id", UUID.class),
                new FileMismatched(new FileMismatched.File(call, file, reported, stored)));
    }
}
