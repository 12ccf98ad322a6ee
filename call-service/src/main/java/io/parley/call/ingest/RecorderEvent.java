package io.parley.call.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One event a recorder published on {@code recording.events} (docs/recorder-events.md), read and checked.
 *
 * @param call the call fields the event carries, by name; absent fields are not in the map
 * @param participants the participants the event carries, each with the fields it gives
 * @param file the closed audio file of a {@code file.completed} event, {@code null} otherwise
 */
public record RecorderEvent(UUID eventId, Type type, OffsetDateTime occurredAt, UUID recorderId, UUID callId,
        Map<String, Object> call, List<Part> participants, Part file) {

    public enum Type {
        CALL_STARTED("call.started"),
        CALL_UPDATED("call.updated"),
        CALL_ENDED("call.ended"),
        FILE_COMPLETED("file.completed");

        final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }
    }

    /** A participant ({@code participant_id}) or a file ({@code file_id}) with the fields given for it. */
    public record Part(String id, Map<String, Object> fields) {
    }
}
