package io.parley.common.events.recording;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;

import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;

/**
 * An event a recorder publishes on {@code recording.events} (docs/recorder-events.md), the whole record value. A
 * {@code call.*} event carries the {@code call} with the fields the recorder knows; {@code file.completed} carries
 * {@code call_id} and the closed {@code file}. The call's and file's fields are those of the API's {@link Call} and
 * {@link CallFile}, with the same names and value sets. Fields the contract does not know are ignored, so that newer
 * recorders can add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingEvent(
        @NotNull(message = "is required: a UUID") UUID eventId,
        @NotNull(message = Type.RULE) Type type,
        @NotNull(message = "is required: an ISO 8601 date-time with an offset") OffsetDateTime occurredAt,
        @NotNull(message = "is required: a UUID") UUID recorderId,
        @Valid Call call,
        UUID callId,
        @Valid CallFile file) {

    public static final String TOPIC = "recording.events";

    public enum Type {
        CALL_STARTED("call.started"),
        CALL_UPDATED("call.updated"),
        CALL_ENDED("call.ended"),
        FILE_COMPLETED("file.completed");

        public static final String RULE = "must be one of call.started, call.updated, call.ended, file.completed";

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The type as the event names it. */
        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
