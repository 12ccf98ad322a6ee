package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.common.events.recording.RecordingEvent.Type;

class CallRowsTest {

    private static final UUID CALL = UUID.randomUUID();
    private static final UUID RECORDER = UUID.randomUUID();
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 29, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aNewCallsEventsInTimeOrderAreOneRowWithTheNewestValues() {
        List<CallRows.Row> rows = CallRows.of(List.of(
                event(Type.CALL_STARTED, 0, Map.of("call_state", 1, "from_number", "100")),
                event(Type.CALL_UPDATED, 1, Map.of("call_state", 4)),
                event(Type.CALL_ENDED, 2, Map.of("call_state", 6))), Map.of());

        assertEquals(1, rows.size());
        assertEquals(Map.of("call_state", 6, "from_number", "100"), rows.get(0).fields());
        assertEquals(T0.plusSeconds(2), rows.get(0).endedAt());
        assertEquals(T0.plusSeconds(2), rows.get(0).eventAt());
        assertEquals(RECORDER, rows.get(0).recorderId());
    }

    @Test
    void anEventOlderThanTheOneBeforeItStaysARowOfItsOwn() {
        List<CallRows.Row> rows = CallRows.of(List.of(
                event(Type.CALL_UPDATED, 5, Map.of("call_state", 4)),
                event(Type.CALL_STARTED, 1, Map.of("call_state", 1, "from_number", "100")),
                event(Type.CALL_ENDED, 6, Map.of("call_state", 6))), Map.of());

        assertEquals(List.of(5L, 1L, 6L), rows.stream().map(row -> seconds(row.eventAt())).toList());
    }

    @Test
    void eventsOlderThanTheStoredCallAreNotMergedButNewerOnesAfterThemAre() {
        List<CallRows.Row> rows = CallRows.of(List.of(
                event(Type.CALL_STARTED, 1, Map.of("call_state", 1)),
                event(Type.CALL_UPDATED, 2, Map.of("to_number", "200")),
                event(Type.CALL_UPDATED, 4, Map.of("call_state", 4)),
                event(Type.CALL_ENDED, 5, Map.of("call_state", 6))), Map.of(CALL, T0.plusSeconds(3)));

        assertEquals(List.of(1L, 2L, 5L), rows.stream().map(row -> seconds(row.eventAt())).toList());
        assertEquals(Map.of("call_state", 6), rows.get(2).fields());
    }

    @Test
    void aFilesEventMakesARowOnlyForACallWithoutOne() {
        RecorderEvent file = new RecorderEvent(UUID.randomUUID(), Type.FILE_COMPLETED, T0.plusSeconds(9), RECORDER,
                CALL, Map.of(), List.of(), new Part("f1", Map.of()), null);

        List<CallRows.Row> first = CallRows.of(List.of(file, event(Type.CALL_STARTED, 0, Map.of("call_state", 1))),
                Map.of());
        List<CallRows.Row> stored = CallRows.of(List.of(file), Map.of(CALL, T0));

        assertEquals(1, first.size());
        assertEquals(RECORDER, first.get(0).recorderId());
        assertEquals(T0, first.get(0).eventAt());
        assertNull(first.get(0).endedAt());
        assertEquals(List.of(), stored);
    }

    private static RecorderEvent event(Type type, int second, Map<String, Object> call) {
        return new RecorderEvent(UUID.randomUUID(), type, T0.plusSeconds(second), RECORDER, CALL, call, List.of(),
                null, null);
    }

    private static long seconds(OffsetDateTime time) {
        return time.toEpochSecond() - T0.toEpochSecond();
    }
}
