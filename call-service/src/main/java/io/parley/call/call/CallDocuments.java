package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.call.field.CallFields;
import io.parley.call.field.Field;
import io.parley.call.field.RecordType;
import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;
import io.parley.common.events.call.CallParticipant;

/**
 * Reads calls as the API and the call events show them (reference 3.1.1): every field of the call, {@code null}
 * where unknown, with its {@code participants} and {@code files}, each read from the column of its name.
 */
@ApplicationScoped
public class CallDocuments {

    /** The calls that exist among {@code ids}, by call id. */
    public Map<UUID, Call> read(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Call> calls = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return calls;
        }
        Object[] keys = ids.toArray();
        Map<UUID, List<CallParticipant>> participants = new HashMap<>();
        query(connection, "SELECT * FROM call_participant WHERE call_id = ANY(?) ORDER BY call_id, participant_id",
                keys, rows -> listOf(participants, rows).add(record(rows, CallFields.PARTICIPANT)));
        // the size and watermark the recorder reported (for clients to check what they download), else those of the
        // stored audio (docs/audio.md)
        Map<UUID, List<CallFile>> files = new HashMap<>();
        query(connection, "SELECT call_id, file_id, start_time, stop_time, COALESCE(file_size, stored_size) AS"
                + " file_size, file_path, COALESCE(watermark, stored_watermark) AS watermark FROM call_file"
                + " WHERE call_id = ANY(?) ORDER BY call_id, start_time, file_id", keys,
                rows -> listOf(files, rows).add(record(rows, CallFields.FILE)));
        query(connection, "SELECT * FROM call WHERE call_id = ANY(?)", keys, rows -> {
            UUID id = rows.getObject("call_id", UUID.class);
            calls.put(id, CallFields.CALL.create(field -> switch (field.name()) {
                case "participants" -> participants.getOrDefault(id, List.of());
                case "files" -> files.getOrDefault(id, List.of());
                default -> column(rows, field);
            }));
        });
        return calls;
    }

    private static <T> List<T> listOf(Map<UUID, List<T>> lists, ResultSet rows) throws SQLException {
        return lists.computeIfAbsent(rows.getObject("call_id", UUID.class), call -> new ArrayList<>());
    }

    private static <T extends Record> T record(ResultSet rows, RecordType<T> type) throws SQLException {
        return type.create(field -> column(rows, field));
    }

    private static Object column(ResultSet rows, Field field) throws SQLException {
        return switch (field.kind()) {
            case UUID -> rows.getObject(field.name(), UUID.class);
            case DATE_TIME -> rows.getObject(field.name(), OffsetDateTime.class);
            case TEXT -> rows.getString(field.name());
            case CODE, INTEGER -> rows.getObject(field.name(), Integer.class);
            case LONG -> rows.getObject(field.name(), Long.class);
            case BOOLEAN -> rows.getObject(field.name(), Boolean.class);
            case LIST -> throw new IllegalArgumentException(field.name() + " is no column");
        };
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
