package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.call.association.CallAssociation.NewCall;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.common.events.recording.RecordingEvent.Type;

/** Which calls of a batch are associated before they are stored, and with what. */
class NewCallsTest {

    private static final UUID RECORDER = UUID.randomUUID();
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 29, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aNewCallOfOneRowIsAssociatedWithItsMergedFieldsAndItsParticipantsNumbers() {
        UUID call = UUID.randomUUID();
        List<RecorderEvent> events = List.of(
                event(call, Type.CALL_STARTED, 0, Map.of("from_number", "100"), participant("1", "100"),
                        participant("2", null)),
                event(call, Type.CALL_UPDATED, 1, Map.of("to_number", "200"), participant("2", "200")),
                event(call, Type.CALL_ENDED, 2, Map.of(), participant("1", null)));

        List<NewCall> calls = NewCalls.of(CallRows.of(events, Map.of()), events, Set.of(), Map.of());

        assertEquals(1, calls.size());
        assertEquals(Map.of("from_number", "100", "to_number", "200"), calls.get(0).fields());
        assertEquals(Map.of("1", "100", "2", "200"), calls.get(0).participantNumbers());
    }

    @Test
    void storedCallsCallsOfSeveralRowsAndParticipantsGivenTwoNumbersAreAssociatedOnceStored() {
        UUID stored = UUID.randomUUID();
        UUID outOfOrder = UUID.randomUUID();
        UUID renumbered = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        List<RecorderEvent> events = List.of(
                event(stored, Type.CALL_UPDATED, 5, Map.of("to_number", "200")),
                event(outOfOrder, Type.CALL_UPDATED, 5, Map.of("to_number", "200")),
                event(outOfOrder, Type.CALL_STARTED, 1, Map.of("from_number", "100")),
                event(renumbered, Type.CALL_STARTED, 0, Map.of(), participant("1", "100")),
                event(renumbered, Type.CALL_UPDATED, 1, Map.of(), participant("1", "101")),
                event(plain, Type.CALL_STARTED, 0, Map.of("from_number", "100")));

        List<NewCall> calls = NewCalls.of(CallRows.of(events, Map.of(stored, T0)), events, Set.of(stored), Map.of());

        assertEquals(List.of(plain), calls.stream().map(NewCall::callId).toList());
    }

    private static Part participant(String id, String number) {
        return new Part(id, number == null ? Map.of() : Map.of("party_number", number));
    }

    private static RecorderEvent event(UUID call, Type type, int second, Map<String, Object> fields,
            Part... participants) {
        return new RecorderEvent(UUID.randomUUID(), type, T0.plusSeconds(second), RECORDER, call, fields,
                List.of(participants), null, null);
    }
}
