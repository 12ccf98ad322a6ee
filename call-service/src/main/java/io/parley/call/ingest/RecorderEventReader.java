package io.parley.call.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.call.CallBounds;
import io.parley.call.call.CallFields;
import io.parley.call.call.Field;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.call.ingest.RecorderEvent.Type;
import io.parley.common.api.text.BoundedText;
import io.parley.common.api.time.ApiDateTimes;
import io.parley.common.events.inbox.MalformedEventException;

/**
 * Reads a recorder event from its JSON, checking it against the contract of docs/recorder-events.md. What breaks
 * the contract fails with {@link MalformedEventException} naming the field; fields the contract does not know are
 * ignored, so that newer recorders can add some.
 */
@ApplicationScoped
public class RecorderEventReader {

    private final ObjectMapper mapper;

    RecorderEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads an event from a record's value, JSON in UTF-8. */
    public RecorderEvent read(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("The record has no value");
        }
        try {
            return read(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw MalformedEventException.notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from an array in memory
        }
    }

    /** Reads an event already parsed, e.g. one element of a list a recorder posted. */
    public RecorderEvent read(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new MalformedEventException("The record is not a JSON object");
        }
        UUID eventId = uuid(event, "event_id");
        Type type = type(event);
        OffsetDateTime occurredAt = dateTime(event, "occurred_at");
        UUID recorderId = uuid(event, "recorder_id");
        if (type == Type.FILE_COMPLETED) {
            JsonNode file = object(event, "file");
            return new RecorderEvent(eventId, type, occurredAt, recorderId, uuid(event, "call_id"), Map.of(),
                    List.of(), part(file, "file_id", CallFields.FILE, "file."), null);
        }
        JsonNode call = object(event, "call");
        return new RecorderEvent(eventId, type, occurredAt, recorderId, uuid(call, "call_id", "call."),
                fields(call, CallFields.REPORTED, "call."), participants(call), null, null);
    }

    private static List<Part> participants(JsonNode call) {
        JsonNode participants = call.get("participants");
        if (participants == null || participants.isNull()) {
            return List.of();
        }
        if (!participants.isArray() || participants.size() > CallBounds.PARTICIPANTS) {
            throw new MalformedEventException("call.participants",
                    "must be an array of at most " + CallBounds.PARTICIPANTS + " participants");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            JsonNode participant = participants.get(i);
            String name = "call.participants[" + i + "]";
            if (!participant.isObject()) {
                throw new MalformedEventException(name, "must be an object");
            }
            parts.add(part(participant, "participant_id", CallFields.PARTICIPANT, name + "."));
        }
        return parts;
    }

    private static Part part(JsonNode object, String idField, List<Field> fields, String path) {
        JsonNode id = object.get(idField);
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()
                || !BoundedText.fits(id.asText(), CallBounds.ID_BYTES)) {
            throw new MalformedEventException(path + idField, "is required and "
                    + BoundedText.rule(CallBounds.ID_BYTES));
        }
        return new Part(id.asText(), fields(object, fields, path));
    }

    private static Map<String, Object> fields(JsonNode object, List<Field> fields, String path) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields) {
            Object value = field.read(object, path);
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    private static Type type(JsonNode event) {
        String type = event.path("type").asText();
        return Arrays.stream(Type.values()).filter(candidate -> candidate.wireName.equals(type)).findFirst()
                .orElseThrow(() -> new MalformedEventException("type", "must be one of call.started, call.updated,"
                        + " call.ended, file.completed"));
    }

    private static JsonNode object(JsonNode event, String name) {
        JsonNode object = event.get(name);
        if (object == null || !object.isObject()) {
            throw new MalformedEventException(name, "is required: an object");
        }
        return object;
    }

    private static UUID uuid(JsonNode object, String name) {
        return uuid(object, name, "");
    }

    private static UUID uuid(JsonNode object, String name, String path) {
        try {
            return UUID.fromString(object.path(name).asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(path + name, "is required: a UUID");
        }
    }

    private static OffsetDateTime dateTime(JsonNode object, String name) {
        try {
            return ApiDateTimes.parse(object.path(name).asText(""));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(name, "is required: an ISO 8601 date-time with an offset");
        }
    }
}
