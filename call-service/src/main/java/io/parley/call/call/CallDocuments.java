package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads calls as the API and the call events show them (reference 3.1.1): every field of the call in the reference's
 * order, {@code null} where unknown, with its {@code participants} and {@code files}. A document is a map that the
 * API's JSON conventions serialize.
 */
@ApplicationScoped
public class CallDocuments {

    /** The documents of the calls that exist among {@code ids}, by call id. */
    public Map<UUID, Map<String, Object>> read(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Map<String, Object>> calls = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return calls;
        }
        Object[] keys = ids.toArray();
        query(connection, "SELECT * FROM call WHERE call_id = ANY(?)", keys, rows -> {
            Map<String, Object> call = fields(rows, CallFields.DOCUMENT);
            call.put("participants", new ArrayList<>());
            call.put("files", new ArrayList<>());
            calls.put(rows.getObject("call_id", UUID.class), call);
        });
        query(connection, "SELECT * FROM call_participant WHERE call_id = ANY(?) ORDER BY call_id, participant_id",
                keys, rows -> {
                    Map<String, Object> participant = new LinkedHashMap<>();
                    participant.put("participant_id", rows.getString("participant_id"));
                    participant.putAll(fields(rows, CallFields.PARTICIPANT.subList(0, 2)));
                    participant.put("user_id", rows.getObject("user_id", UUID.class));
                    participant.putAll(fields(rows, CallFields.PARTICIPANT.subList(2, CallFields.PARTICIPANT.size())));
                    listOf(calls, rows, "participants").add(participant);
                });
        // the size and watermark the recorder reported (for clients to check what they download), else those of the
        // stored audio (docs/audio.md)
        query(connection, "SELECT call_id, file_id, start_time, stop_time, COALESCE(file_size, stored_size) AS"
                + " file_size, file_path, COALESCE(watermark, stored_watermark) AS watermark FROM call_file"
                + " WHERE call_id = ANY(?) ORDER BY call_id, start_time, file_id", keys,
                rows -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("file_id", rows.getString("file_id"));
                    file.putAll(fields(rows, CallFields.FILE.subList(0, 3)));
                    file.put("file_path", rows.getString("file_path"));
                    file.putAll(fields(rows, CallFields.FILE.subList(3, CallFields.FILE.size())));
                    listOf(calls, rows, "files").add(file);
                });
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<UUID, Map<String, Object>> calls, ResultSet rows, String list)
            throws SQLException {
        return (List<Object>) calls.get(rows.getObject("call_id", UUID.class)).get(list);
    }

    private static Map<String, Object> fields(ResultSet rows, List<Field> fields) throws SQLException {
        // sized for every field and the lists added after them: a call's seventy entries, never rehashed
        Map<String, Object> values = new LinkedHashMap<>(2 * (fields.size() + 2));
        for (Field field : fields) {
            values.put(field.name(), switch (field.kind()) {
                case UUID -> rows.getObject(field.name(), UUID.class);
                case DATE_TIME -> rows.getObject(field.name(), OffsetDateTime.class);
                case TEXT -> rows.getString(field.name());
                default -> rows.getObject(field.name());
            });
        }
        return values;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(Connection connection, String sql, Object[] ids, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
