package io.parley.simulator;

import static io.parley.simulator.RecorderJson.reported;
import static java.util.Map.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;
import io.parley.common.events.call.CallParticipant;
import io.parley.common.events.recording.RecordingEvent;

/**
 * Writes the recorder events of one realistic call (docs/recorder-events.md): an agent talks with an outside number,
 * inbound or outbound, rings a few seconds, talks a few minutes (sometimes not at all), and the recording is one
 * audio file of 8 kHz 16-bit mono. The events come in the order a recorder sends them: {@code call.started},
 * {@code call.updated} when answered, {@code file.completed}, {@code call.ended}. The call ends at {@code endedAt}.
 * Each event is the contract's {@link RecordingEvent}, its call, participants and file holding only what a recorder
 * reports at that moment, written as {@link RecorderJson}.
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
        OffsetDateTime end = endedAt.atOffset(ZoneOffset.UTC);
        OffsetDateTime setup = end.minus(ringing).minus(talking);
        OffsetDateTime connect = setup.plus(ringing);
        String fromNumber = inbound ? outsideNumber : agent.extension();
        String fromName = inbound ? outsideName : agent.name();
        String toNumber = inbound ? agent.extension() : outsideNumber;
        String toName = inbound ? agent.name() : outsideName;

        Call started = reported(Call.class, Map.ofEntries(entry("call_id", callId),
                entry("protocol_call_id", Long.toHexString(random.nextLong()) + "@recorder"),
                entry("protocol_call_direction", inbound ? 2 : 1),
                entry("from_number", fromNumber), entry("from_name", fromName),
                entry("to_number", toNumber), entry("to_name", toName),
                entry("setup_time", setup), entry("call_state", 3), entry("voip_protocol", SIP),
                entry("participants", List.of(
                        reported(CallParticipant.class, Map.of("participant_id", "1", "party_direction", 1,
                                "party_type", inbound ? 2 : 1, "party_number", fromNumber, "party_name", fromName,
                                "join_time", setup)),
                        reported(CallParticipant.class, Map.of("participant_id", "2", "party_direction", 2,
                                "party_type", inbound ? 1 : 2, "party_number", toNumber, "party_name", toName))))));

        List<Event> events = new ArrayList<>();
        events.add(callEvent(RecordingEvent.Type.CALL_STARTED, setup, started));
        if (answered) {
            Call connected = reported(Call.class, Map.of("call_id", callId, "call_state", 4, "connect_time", connect,
                    "participants", List.of(reported(CallParticipant.class,
                            Map.of("participant_id", "2", "join_time", connect)))));
            events.add(callEvent(RecordingEvent.Type.CALL_UPDATED, connect, connected));
            events.add(fileCompleted(callId, connect, end));
        }
        Call ended = reported(Call.class, Map.of("call_id", callId, "call_state", 6,
                "record_state", answered ? 30 : 40, "disconnect_time", end));
        events.add(callEvent(RecordingEvent.Type.CALL_ENDED, end, ended));
        return events;
    }

    private Event fileCompleted(UUID callId, OffsetDateTime start, OffsetDateTime stop) {
        UUID eventId = randomUuid();
        byte[] sha1 = new byte[20];
        random.nextBytes(sha1);
        CallFile file = reported(CallFile.class, Map.of("file_id", "1", "start_time", start, "stop_time", stop,
                "file_size", Duration.between(start, stop).toSeconds() * BYTES_PER_SECOND,
                "watermark", HexFormat.of().formatHex(sha1)));
        return event(callId, new RecordingEvent(eventId, RecordingEvent.Type.FILE_COMPLETED, stop, recorderId, null,
                callId, file));
    }

    private Event callEvent(RecordingEvent.Type type, OffsetDateTime occurredAt, Call call) {
        return event(call.callId(), new RecordingEvent(randomUuid(), type, occurredAt, recorderId, call, null, null));
    }

    private static Event event(UUID callId, RecordingEvent event) {
        try {
            return new Event(callId.toString(), RecorderJson.MAPPER.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorder event could not be written as JSON", e);
        }
    }

    /** A version 4 UUID from the script's own random source, so that a seed repeats a run exactly. */
    private UUID randomUuid() {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & ~0xC000000000000000L | 0x8000000000000000L);
    }
}
