package io.parley.call.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.common.events.recording.RecordingEvent.Type;

/**
 * One event a recorder published on {@code recording.events} (docs/recorder-events.md), read and checked.
 *
 * @param call the call fields the event carries, by name; absent fields are not in the map
 * @param participants the participants the event carries, each with the fields it gives
 * @param file the closed audio file of a {@code file.completed} event, {@code null} otherwise
 * @param recorderTenant the tenant of the recorder that published it, whose calls alone it may touch; {@code null}
 *        for a recorder that serves every tenant
 */
public record RecorderEvent(UUID eventId, Type type, OffsetDateTime occurredAt, UUID recorderId, UUID callId,
        Map<String, Object> call, List<Part> participants, Part file, UUID recorderTenant) {

    /**
     * The record header in which call-service names the tenant of the recorder that posted the event, from its
     * authenticated user; a record without it comes from a recorder that serves every tenant.
     */
    public static final String RECORDER_TENANT_HEADER = "parley-recorder-tenant";

    /** The same event, published by a recorder of the tenant ({@code null}: one that serves every tenant). */
    public RecorderEvent publishedFor(UUID tenant) {
        return new RecorderEvent(eventId, type, occurredAt, recorderId, callId, call, participants, file, tenant);
    }

    /** A participant ({@code participant_id}) or a file ({@code file_id}) with the fields given for it. */
    public record Part(String id, Map<String, Object> fields) {
    }
}
