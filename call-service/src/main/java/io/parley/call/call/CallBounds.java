package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.parley.common.events.call.Call;

/**
 * The size bounds of a call (docs/recorder-events.md), which the contract records declare ({@link Call#TEXT_BYTES},
 * {@link Call#ID_BYTES}, {@link Call#PARTICIPANTS}, {@link Call#FILES}): its text fields, the ids of its participants and
 * files, and
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

    /** The bound a change would break. */
    public enum Over {
        PARTICIPANTS,
        FILES
    }

    private CallBounds() {
    }

    /**
     * Whether giving the calls these participants and files would take one of them over its bound, counting those
     * it holds already: none for calls not stored yet, one statement for the others (what they hold), and one more
     * only for a call that could go over (which of the ids given it holds already).
     *
     * @param participants participant ids by call, as a batch gives them
     * @param files file ids by call
     * @param stored the calls among them that are stored
     */
    public static Optional<Over> exceeded(Connection connection, Map<UUID, Set<String>> participants,
            Map<UUID, Set<String>> files, Set<UUID> stored) throws SQLException {
        Set<UUID> storedGiven = new LinkedHashSet<>();
        for (Kind kind : Kind.values()) {
            for (Map.Entry<UUID, Set<String>> call : kind.of(participants, files).entrySet()) {
                if (call.getValue().size() > kind.bound) {
                    return Optional.of(kind.over);
                }
                if (stored.contains(call.getKey())) {
                    storedGiven.add(call.getKey());
                }
            }
        }
        if (storedGiven.isEmpty()) {
            return Optional.empty();
        }
        Map<Kind, Map<UUID, Long>> held = held(connection, participants, files, storedGiven);
        for (Kind kind : Kind.values()) {
            for (Map.Entry<UUID, Set<String>> call : kind.of(participants, files).entrySet()) {
                long holds = held.get(kind).getOrDefault(call.getKey(), 0L);
                // the ids given may be held already: only then is the call counted id by id
                if (holds + call.getValue().size() > kind.bound
                        && holds + newIds(connection, kind, call.getKey(), call.getValue()) > kind.bound) {
                    return Optional.of(kind.over);
                }
            }
        }
        return Optional.empty();
    }

    /** Participants and files, each with its bound and how to count those of the ids given that a call holds. */
    private enum Kind {
        PARTICIPANT(Call.PARTICIPANTS, Over.PARTICIPANTS,
                "SELECT count(*) FROM call_participant WHERE call_id = ? AND participant_id = ANY(?)"),
        FILE(Call.FILES, Over.FILES, "SELECT count(*) FROM call_file WHERE call_id = ? AND file_id = ANY(?)");

        final int bound;
        final Over over;
        final String heldOfIds;

        Kind(int bound, Over over, String heldOfIds) {
            this.bound = bound;
            this.over = over;
            this.heldOfIds = heldOfIds;
        }

        Map<UUID, Set<String>> of(Map<UUID, Set<String>> participants, Map<UUID, Set<String>> files) {
            return this == PARTICIPANT ? participants : files;
        }
    }

    /** How many participants and files the calls hold: those given participants, and those given files. */
    private static Map<Kind, Map<UUID, Long>> held(Connection connection, Map<UUID, Set<String>> participants,
            Map<UUID, Set<String>> files, Set<UUID> calls) throws SQLException {
        // each row: the kind's ordinal, a call and how many of that kind it holds
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT 0, call_id, count(*) FROM call_participant WHERE call_id = ANY(?) GROUP BY call_id
                UNION ALL
                SELECT 1, call_id, count(*) FROM call_file WHERE call_id = ANY(?) GROUP BY call_id""")) {
            query.setArray(1, connection.createArrayOf("uuid",
                    calls.stream().filter(participants::containsKey).toArray()));
            query.setArray(2, connection.createArrayOf("uuid", calls.stream().filter(files::containsKey).toArray()));
            Map<Kind, Map<UUID, Long>> held = new EnumMap<>(Map.of(Kind.PARTICIPANT, new HashMap<>(), Kind.FILE,
                    new HashMap<>()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.get(Kind.values()[rows.getInt(1)]).put(rows.getObject(2, UUID.class), rows.getLong(3));
                }
            }
            return held;
        }
    }

    /** How many of the ids the call does not hold yet. */
    private static long newIds(Connection connection, Kind kind, UUID call, Set<String> ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(kind.heldOfIds)) {
            query.setObject(1, call);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return ids.size() - rows.getLong(1);
            }
        }
    }
}
