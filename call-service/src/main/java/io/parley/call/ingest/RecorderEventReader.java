package io.parley.call.ingest;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.parley.call.field.CallFields;
import io.parley.call.field.Field;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;
import io.parley.common.events.call.CallParticipant;
import io.parley.common.events.inbox.MalformedEventException;
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

    private final ObjectReader events;
    private final Validator validator;

    RecorderEventReader(ObjectMapper mapper, Validator validator) {
        ObjectMapper reported = mapper.copy().addMixIn(Call.class, ReportedCall.class)
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
        this.events = reported.readerFor(RecordingEvent.class);
        this.validator = validator;
    }

    /** Reads an event from a record's value, JSON in UTF-8. */
    public RecorderEvent read(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("The record has no value");
        }
        try {
            return read(events.readTree(json));
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
        RecordingEvent event = bind(json);
        Set<ConstraintViolation<RecordingEvent>> violations = validator
                .validate(event);
        violations.stream().map(violation -> new MalformedEventException(path(violation.getPropertyPath()),
                violation.getMessage())).min(Comparator.comparing(MalformedEventException::field))
                .ifPresent(broken -> {
                    throw broken;
                });
        return switch (event.type()) {
            case FILE_COMPLETED -> fileCompleted(event);
            case CALL_STARTED, CALL_UPDATED, CALL_ENDED -> callEvent(event);
        };
    }

    private RecordingEvent bind(JsonNode json) {
        try {
            return events.readValue(json);
        } catch (InvalidFormatException e) {
            throw new MalformedEventException(path(e), rule(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new MalformedEventException("The record is not a JSON object");
            }
            throw new MalformedEventException(path(e), "has the wrong type");
        } catch (IOException e) {
            throw new MalformedEventException("The record cannot be read");
        }
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

    /** The violation's path as the event names it: {@code call.participants[0].party_direction}. */
    private static String path(Path property) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : property) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(snakeCase(node.getName()));
            }
        }
        return path.toString();
    }

    private static String path(JsonMappingException error) {
        return error.getPath().stream().map(reference -> reference.getFieldName() != null
                ? "." + reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining())
                .substring(1);
    }

    private static String rule(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be an ISO 8601 date-time with an offset";
        }
        return "has the wrong type";
    }

    private static String snakeCase(String name) {
        return ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(name);
    }
}
