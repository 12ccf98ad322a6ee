package io.parley.call.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.json.ApiObjectMapperCustomizer;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.JsonBodies;
import io.parley.common.embedded.fuzz.Mutations;
import io.parley.common.events.read.EventData;
import io.parley.common.events.read.MalformedEventException;

/**
 * Fuzzes the recorder event reader, the first code a Kafka record or a posted event reaches: whatever the bytes, an
 * event or {@link MalformedEventException} (which sets the record aside on the dead-letter topic), never another
 * exception that would stop the consumer.
 */
class RecorderEventReaderFuzzTest {

    /** The two kinds of event of docs/recorder-events.md, every field the contract reads given a value. */
    static final String CALL_STARTED = """
            {"event_id": "0b7c2d4e-2f0a-4a7e-9d38-3f3d4b8f6a10", "type": "call.started",
             "occurred_at": "2026-03-01T10:00:00Z", "recorder_id": "5f1c6c58-7a8e-4d6b-8a57-2b2f0e0f4b11",
             "call": {"call_id": "e03f497d-bdff-1019-102b-f5caab54f081", "parent_call_id": null,
              "interaction_id": "e03f497d-bdff-1019-102b-f5caab54f082", "is_conference": false,
              "protocol_call_id": "abc@10.0.0.1", "protocol_call_direction": 1, "call_state": 1, "on_demand_state": 0,
              "record_state": 10, "voip_protocol": 1, "setup_time": "2026-03-01T10:00:00+0100",
              "connect_time": "2026-03-01T10:00:01.5Z", "disconnect_time": null, "from_port": 5060, "to_port": 0,
              "from_ip": "10.0.0.1", "from_number": "100", "from_name": "John Smith", "to_number": "102",
              "agent_id": "a1", "cisco_farend_refci": "42",
              "participants": [
               {"participant_id": "1", "party_direction": 1, "party_type": 0, "party_number": "100",
                "join_time": "2026-03-01T10:00:00Z"},
               {"participant_id": 2, "party_direction": 2, "party_number": "102", "party_caller_id": "x"}]}}
            """;
    static final String FILE_COMPLETED = """
            {"event_id": "9a0f3b9e-1c55-4d8e-8e3b-6a3c1f2e7d20", "type": "file.completed",
             "occurred_at": "2026-03-01T10:05:00Z", "recorder_id": "5f1c6c58-7a8e-4d6b-8a57-2b2f0e0f4b11",
             "call_id": "e03f497d-bdff-1019-102b-f5caab54f081",
             "file": {"file_id": "1", "start_time": "2026-03-01T10:00:05Z", "stop_time": "2026-03-01T10:05:00Z",
              "file_size": 4800000, "watermark": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}}
            """;
    private static final List<String> TOKENS = List.of("call.started", "call.updated", "call.ended",
            "file.completed", "participants", "+0800", "T", "e03f497d-bdff-1019-102b-f5caab54f081");

    private static final ObjectMapper MAPPER = ApiObjectMapperCustomizer.configure(new ObjectMapper());

    private final RecorderEventReader reader = new RecorderEventReader(MAPPER, new EventData(MAPPER,
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator()));

    @Test
    void anyRecordIsAnEventOrSetAsideAsMalformed() {
        FuzzInputs.check(4000, this::anyRecord);
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyRecord(FuzzedDataProvider data) {
        byte[] record = switch (data.consumeInt(0, 3)) {
            case 0 -> Mutations.of(data, List.of(bytes(CALL_STARTED), bytes(FILE_COMPLETED)), TOKENS);
            case 1 -> bytes(JsonBodies.around(data, CALL_STARTED));
            case 2 -> bytes(JsonBodies.around(data, FILE_COMPLETED));
            default -> data.consumeRemainingAsBytes();
        };
        try {
            reader.read(record);
        } catch (MalformedEventException e) {
            // the consumer sets the record aside with this reason
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
