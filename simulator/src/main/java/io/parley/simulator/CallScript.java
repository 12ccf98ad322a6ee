package io.parley.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the recorder events of one realistic call (docs/recorder-events.md): an agent talks with an outside number,
 * inbound or outbound, rings a few seconds, talks a few minutes (sometimes not at all), and the recording is one
 * audio file of 8 kHz 16-bit mono. The events come in the order a recorder sends them: {@code call.started},
 * {@code call.updated} when answered, {@code file.completed}, {@code call.ended}. The call ends at {@code endedAt}.
 */
final class CallScript {

    /** One recorder event: the record key (the call id) and its JSON value. */
    record Event(String key, String value) {
    }

    private static final String[] FIRST = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
            "Linda", "David", "Elizabeth", "Carlos", "Sofia", "Wei", "Aisha", "Oleg", "Yuki" };
    private static final String[] LAST = { "Smith", "Johnson", "Garcia", "Miller", "Davis", "Martinez", "Lee",
            "Walker", "Nguyen", "Kowalski", "Okafor", "Tanaka", "Schmidt", "Rossi" };
    private static final int BYTES_PER_SECOND = 16_000;
    private static final int SIP = 1;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final UUID recorderId;

    CallScript(Random random, UUID recorderId) {
        this.random = random;
        this.recorderId = recorderId;
    }

    List<Event> call(Agent agent, Instant endedAt) {
        UUID callId = randomUuid();
        boolean inbound = random.nextInt(10) < 6;
        boolean answered = random.nextInt(10) < 9;
        String outsideNumber = "+1" + (200 + random.nextInt(800)) + String.format(Locale.ROOT, "%07d",
                random.nextInt(10_000_000));
        String outsideName = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        Duration ringing = Duration.ofSeconds(2 + random.nextInt(14));
        // talk time: mostly one to five minutes, now and then much longer
        Duration talking = answered ? Duration.ofSeconds(30 + (long) (-180 * Math.log(1 - random.nextDouble())))
                : Duration.ZERO;
        Instant setup = endedAt.minus(ringing).minus(talking);
        Instant connect = setup.plus(ringing);

        ObjectNode started = callFields(callId, inbound, agent, outsideNumber, outsideName);
        started.put("setup_time", setup.toString()).put("call_state", 3).put("voip_protocol", SIP);
        ArrayNode participants = started.putArray("participants");
        participants.addObject().put("participant_id", "1").put("party_direction", 1).put("party_type",
                inbound ? 2 : 1).put("party_number", inbound ? outsideNumber : agent.extension())
                .put("party_name", inbound ? outsideName : agent.name()).put("join_time", setup.toString());
        participants.addObject().put("participant_id", "2").put("party_direction", 2).put("party_type",
                inbound ? 1 : 2).put("party_number", inbound ? agent.extension() : outsideNumber)
                .put("party_name", inbound ? agent.name() : outsideName);

        List<Event> events = new ArrayList<>();
        events.add(callEvent("call.started", setup, started));
        if (answered) {
            ObjectNode connected = json.createObjectNode().put("call_id", callId.toString()).put("call_state", 4)
                    .put("connect_time", connect.toString());
            connected.putArray("participants").addObject().put("participant_id", "2").put("join_time",
                    connect.toString());
            events.add(callEvent("call.updated", connect, connected));
            events.add(fileCompleted(callId, connect, endedAt));
        }
        ObjectNode ended = json.createObjectNode().put("call_id", callId.toString()).put("call_state", 6)
                .put("record_state", answered ? 30 : 40).put("disconnect_time", endedAt.toString());
        events.add(callEvent("call.ended", endedAt, ended));
        return events;
    }

    private ObjectNode callFields(UUID callId, boolean inbound, Agent agent, String outsideNumber,
            String outsideName) {
        ObjectNode call = json.createObjectNode().put("call_id", callId.toString())
                .put("protocol_call_id", Long.toHexString(random.nextLong()) + "@recorder")
                .put("protocol_call_direction", inbound ? 2 : 1);
        call.put("from_number", inbound ? outsideNumber : agent.extension())
                .put("from_name", inbound ? outsideName : agent.name())
                .put("to_number", inbound ? agent.extension() : outsideNumber)
                .put("to_name", inbound ? agent.name() : outsideName);
        return call;
    }

    private Event fileCompleted(UUID callId, Instant start, Instant stop) {
        ObjectNode event = envelope("file.completed", stop).put("call_id", callId.toString());
        byte[] sha1 = new byte[20];
        random.nextBytes(sha1);
        event.putObject("file").put("file_id", "1").put("start_time", start.toString())
                .put("stop_time", stop.toString())
                .put("file_size", Duration.between(start, stop).toSeconds() * BYTES_PER_SECOND)
                .put("watermark", HexFormat.of().formatHex(sha1));
        return new Event(callId.toString(), event.toString());
    }

    private Event callEvent(String type, Instant occurredAt, ObjectNode call) {
        ObjectNode event = envelope(type, occurredAt);
        event.set("call", call);
        return new Event(call.get("call_id").asText(), event.toString());
    }

    /** A version 4 UUID from the script's own random source, so that a seed repeats a run exactly. */
    private UUID randomUuid() {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & ~0xC000000000000000L | 0x8000000000000000L);
    }

    private ObjectNode envelope(String type, Instant occurredAt) {
        return json.createObjectNode().put("event_id", randomUuid().toString())
                .put("type", type).put("occurred_at", occurredAt.toString()).put("recorder_id", recorderId.toString());
    }
}
