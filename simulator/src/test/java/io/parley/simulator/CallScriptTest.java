package io.parley.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CallScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Agent AGENT = new Agent(UUID.randomUUID(), UUID.randomUUID(), "Agent 1-1", "123010001");

    @Test
    void eachCallIsTheEventsARecorderSendsInOrderKeyedByTheCall() throws Exception {
        CallScript script = new CallScript(new Random(7), UUID.randomUUID());
        Instant end = Instant.parse("2026-03-01T10:00:00Z");
        int answered = 0;
        for (int i = 0; i < 200; i++) {
            List<CallScript.Event> events = script.call(AGENT, end);
            List<JsonNode> values = events.stream().map(event -> read(event.value())).toList();
            String callId = values.get(0).path("call").path("call_id").asText();

            assertTrue(events.stream().allMatch(event -> event.key().equals(callId)));
            assertEquals("call.started", values.get(0).path("type").asText());
            assertEquals("call.ended", values.get(values.size() - 1).path("type").asText());
            assertEquals(end.toString(), values.get(values.size() - 1).path("occurred_at").asText());
            Instant previous = Instant.MIN;
            for (JsonNode value : values) {
                Instant occurred = Instant.parse(value.path("occurred_at").asText());
                assertFalse(occurred.isBefore(previous), "events in time order");
                previous = occurred;
                UUID.fromString(value.path("event_id").asText());
            }
            JsonNode participants = values.get(0).path("call").path("participants");
            assertTrue(participants.findValuesAsText("party_number").contains(AGENT.extension()));
            if (values.size() == 4) {
                answered++;
                JsonNode file = values.get(2).path("file");
                Duration recorded = Duration.between(Instant.parse(file.path("start_time").asText()),
                        Instant.parse(file.path("stop_time").asText()));
                assertEquals(recorded.toSeconds() * 16_000, file.path("file_size").asLong());
                assertEquals(40, file.path("watermark").asText().length());
            }
        }
        assertTrue(answered > 150 && answered < 200, "most calls are answered, some are not: " + answered);
    }

    @Test
    void theSameSeedWritesTheSameCalls() {
        Instant end = Instant.parse("2026-03-01T10:00:00Z");
        UUID recorder = UUID.randomUUID();
        assertEquals(new CallScript(new Random(42), recorder).call(AGENT, end),
                new CallScript(new Random(42), recorder).call(AGENT, end));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
