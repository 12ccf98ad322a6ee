package io.parley.call.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.parley.call.field.CallFields;
import io.parley.call.field.Field;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;
import io.parley.common.events.call.CallParticipant;
import io.parley.common.events.read.EventData;
import io.parley.common.events.read.MalformedEventException;
import io.parley.common.events.recording.RecordingEvent;

/**
 * Reads a recorder event from its JSON as the contract record
 * ({@link RecordingEvent}, docs/recorder-events.md) and checks it against the
 * record's constraints. What breaks the contract fails with {@link MalformedEventException} naming the field; fields
 * the contract does not know are ignored, so that newer recorders can add some, and so are those Parley sets itself:
 * a call's {@code tenant_id}, {@code recorder_id} and {@code files}, a participant's {@code user_id}, a file's
 * {@code file_path}.
 */
@ApplicationScoped
public class RecorderEventReader {

    @JsonIgnoreProperties(value = { "tenant_id", "recorder_id", "files" }, ignoreUnknown = true)
    private interface ReportedCall {
    }

    @JsonIgnoreProperties(value = "user_id", ignoreUnknown = true)
    private interface ReportedParticipant {
    }

    @JsonIgnoreProperties(value = "file_path", ignoreUnknown = true)
    private interface ReportedFile {
    }

    private final ObjectMapper reported;
    private final EventData contracts;

    RecorderEventReader(ObjectMapper mapper, EventData contracts) {
        this.reported = mapper.copy().addMixIn(Call.class, ReportedCall.class)
                .addMixIn(CallParticipant.class, ReportedParticipant.class)
                .addMixIn(CallFile.class, ReportedFile.class)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // an unknown type is refused by the constraints, after the fields before it
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        // a number, code or flag is JSON's own, never text; text may come as a number, as recorders send ids
        reported.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        reported.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        this.contracts = contracts;
    }

    /** Reads an event from a record's value, JSON in UTF-8. */
    public RecorderEvent read(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("The record has no value");
        }
        try {
            return read(reported.readTree(json));
        } catch (JacksonException e) {
            throw MalformedEventException.notJson(e);
        } catch (IOException e) {
            throw new IllegalStateException(e); // not from an array in memory
        }
    }

    /** Reads an event already parsed, e.g. one element of a list a recorder posted. */
    public RecorderEvent read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new MalformedEventException("The record is not a JSON object");
        }
        RecordingEvent event = contracts.read(json, RecordingEvent.class, reported);
        return switch (event.type()) {
            case FILE_COMPLETED -> fileCompleted(event);
            case CALL_STARTED, CALL_UPDATED, CALL_ENDED -> callEvent(event);
        };
    }

    private static RecorderEvent fileCompleted(RecordingEvent event) {
        if (event.callId() == null) {
            throw new MalformedEventException("call_id", "is required: a UUID");
        }
        if (event.file() == null) {
            throw new MalformedEventException("file", "is required: an object");
        }
        return new RecorderEvent(event.eventId(), RecordingEvent.Type.FILE_COMPLETED, event.occurredAt(),
                event.recorderId(), event.callId(), Map.of(), List.of(),
                new Part(event.file().fileId(), given(event.file(), CallFields.FILE_REPORTED)), null);
    }

    private static RecorderEvent callEvent(RecordingEvent event) {
        Call call = event.call();
        if (call == null) {
            throw new MalformedEventException("call", "is required: an object");
        }
        List<Part> participants = call.participants() == null ? List.of()
                : call.participants().stream().map(participant -> new Part(participant.participantId(),
                        given(participant, CallFields.PARTICIPANT_REPORTED))).toList();
        return new RecorderEvent(event.eventId(), event.type(),
                event.occurredAt(), event.recorderId(), call.callId(), given(call, CallFields.REPORTED), participants,
                null, null);
    }

    /** The fields the record gives, by name: a field left out or {@code null} is not given. */
    private static Map<String, Object> given(Record record, List<Field> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields) {
            Object value = field.value(record);
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }
}
