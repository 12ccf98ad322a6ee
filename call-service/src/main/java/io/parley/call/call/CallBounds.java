package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The size bounds of a call (docs/recorder-events.md): its text fields, the ids of its participants and files, and
 * how many of each it holds across all its events and uploads. They keep every stored value within what its index
 * holds (a B-tree entry is at most 2,704 bytes: a number's entry is its 500 bytes with a tenant, a time and a call
 * id) and the call's document, which the API serves and every {@code call.events} event carries whole, within Kafka's
 * 1 MiB record (the producer's {@code max.request.size}, 1,048,576 bytes). Text is UTF-8 without control characters
 * ({@link io.parley.common.api.text.BoundedText}), so JSON takes each of its bytes at most twice (a quote or a
 * backslash). The largest document, in its event's envelope:
 * <ul>
 * <li>the call's 48 fields, 32 of them text of 500 bytes: 33,426 bytes;</li>
 * <li>100 participants, each with an id of 200 bytes and three texts of 500: 100 × 3,640 bytes;</li>
 * <li>100 files, each with an id of 200 bytes, a watermark of 500 and a {@code file_path} of at most 1,024 (a
 * storage key of 79 bytes in a storage directory or {@code s3://} bucket): 100 × 2,580 bytes;</li>
 * </ul>
 * 655,426 bytes in all, 62.5% of the limit.
 */
public final class CallBounds {

    /** A text field of a call, participant or file. */
    public static final int TEXT_BYTES = 500;
    /** A participant's or file's id. */
    public static final int ID_BYTES = 200;
    /** A call's participants, across all its events. */
    public static final int PARTICIPANTS = 100;
    /** A call's files, across all its events and uploads. */
    public static final int FILES = 100;

    /** The bound a change would break. */
    public enum Over {
        PARTICIPANTS,
        FILES
    }

    private CallBounds() {
    }

    /**
     * Whether giving the calls these participants and files would take one of them over its bound, counting those
     * it holds already: with one statement for all the calls, and none for calls not stored yet.
     *
     * @param participants participant ids by call, as a batch gives them
     * @param files file ids by call
     * @param stored the calls among them that are stored
     */
    public static Optional<Over> exceeded(Connection connection, Map<UUID, Set<String>> participants,
            Map<UUID, Set<String>> files, Set<UUID> stored) throws SQLException {
        List<UUID> storedWithParticipants = new ArrayList<>();
        List<UUID> storedWithFiles = new ArrayList<>();
        for (Map.Entry<UUID, Set<String>> call : participants.entrySet()) {
            if (call.getValue().size() > PARTICIPANTS) {
                return Optional.of(Over.PARTICIPANTS);
            }
            if (stored.contains(call.getKey())) {
                storedWithParticipants.add(call.getKey());
            }
        }
        for (Map.Entry<UUID, Set<String>> call : files.entrySet()) {
            if (call.getValue().size() > FILES) {
                return Optional.of(Over.FILES);
            }
            if (stored.contains(call.getKey())) {
                storedWithFiles.add(call.getKey());
            }
        }
        if (storedWithParticipants.isEmpty() && storedWithFiles.isEmpty()) {
            return Optional.empty();
        }
        return storedOver(connection, participants, files, storedWithParticipants, storedWithFiles);
    }

    /** Counts what the stored calls hold and are given, each id once. */
    private static Optional<Over> storedOver(Connection connection, Map<UUID, Set<String>> participants,
            Map<UUID, Set<String>> files, List<UUID> storedWithParticipants, List<UUID> storedWithFiles)
            throws SQLException {
        List<String> kinds = new ArrayList<>();
        List<UUID> calls = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (UUID call : storedWithParticipants) {
            for (String id : participants.get(call)) {
                kinds.add("participant");
                calls.add(call);
                ids.add(id);
            }
        }
        for (UUID call : storedWithFiles) {
            for (String id : files.get(call)) {
                kinds.add("file");
                calls.add(call);
                ids.add(id);
            }
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT kind FROM (
                    SELECT 'participant' AS kind, call_id, participant_id AS id FROM call_participant
                    WHERE call_id = ANY(?)
                    UNION SELECT 'file', call_id, file_id FROM call_file WHERE call_id = ANY(?)
                    UNION SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[])
                ) held
                GROUP BY kind, call_id
                HAVING count(*) > CASE kind WHEN 'participant' THEN ? ELSE ? END
                LIMIT 1""")) {
            query.setArray(1, connection.createArrayOf("uuid", storedWithParticipants.toArray()));
            query.setArray(2, connection.createArrayOf("uuid", storedWithFiles.toArray()));
            query.setArray(3, connection.createArrayOf("text", kinds.toArray()));
            query.setArray(4, connection.createArrayOf("uuid", calls.toArray()));
            query.setArray(5, connection.createArrayOf("text", ids.toArray()));
            query.setInt(6, PARTICIPANTS);
            query.setInt(7, FILES);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of("participant".equals(rows.getString(1)) ? Over.PARTICIPANTS : Over.FILES);
            }
        }
    }
}
