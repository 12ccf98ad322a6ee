package io.parley.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.common.api.json.ApiObjectMapperCustomizer;
import io.parley.common.events.read.EventData;
import io.parley.common.events.read.MalformedEventException;
import io.parley.common.events.recording.RecordingEvent;

/**
 * The events the simulator writes are what call-service accepts from a recorder: bound to {@link RecordingEvent} with
 * the API's JSON rules and checked against the contract's constraints, as call-service's reader does, with nothing
 * the contract would drop or read differently.
 */
class CallScriptContractTest {

    private static final ObjectMapper API = ApiObjectMapperCustomizer.configure(new ObjectMapper());
    private static final EventData CONTRACTS = new EventData(API, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    private static final Agent AGENT = new Agent(UUID.randomUUID(), UUID.randomUUID(), "Agent 1-1", "123010001");

    @Test
    void everyEventIsReadAsTheRecordingEventItWasWrittenFrom() throws Exception {
        CallScript script = new CallScript(new Random(11), UUID.randomUUID());
        for (int i = 0; i < 200; i++) {
            for (CallScript.Event event : script.call(AGENT, Instant.now())) {
                JsonNode sent = API.readTree(event.value());
                RecordingEvent read = CONTRACTS.read(sent, RecordingEvent.class);

                assertNotNull(read.type() == RecordingEvent.Type.FILE_COMPLETED ? read.file() : read.call(),
                        event.value());
                assertEquals(sent, API.readTree(RecorderJson.MAPPER.writeValueAsString(read)),
                        "every field sent is the contract's, read as sent");
            }
        }
    }

    @Test
    void anEventBreakingTheContractIsRefusedNamingTheField() throws Exception {
        List<CallScript.Event> events = new CallScript(new Random(11), UUID.randomUUID()).call(AGENT, Instant.now());
        ObjectNode started = (ObjectNode) API.readTree(events.get(0).value());
        ((ObjectNode) started.path("call")).put("call_state", 9);

        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> CONTRACTS.read(started, RecordingEvent.class));
        assertEquals("call.call_state", refused.field());
    }
}
