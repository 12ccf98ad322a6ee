package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.common.events.read.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A call holds at most 100 participants and 100 files across all its events: the writer refuses, as malformed, an
 * event that would give it more, whatever batch it comes in, and stores nothing of it. (The consumer sets such an
 * event aside as it does one the reader refuses.)
 */
@QuarkusTest
class CallBoundsTest {

    private static final UUID RECORDER = UUID.randomUUID();

    @Inject
    RecorderEventReader reader;

    @Inject
    CallWriter writer;

    @Inject
    DataSource dataSource;

    @Test
    void eventGivingACallItsHundredAndFirstParticipantIsRefused() {
        UUID call = UUID.randomUUID();
        apply(callStarted(call, IntStream.rangeClosed(1, 60)));
        apply(callStarted(call, IntStream.rangeClosed(41, 100)));

        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> apply(callStarted(call, IntStream.rangeClosed(99, 101))));
        assertEquals("call.participants would give the call more than 100 participants", refused.getMessage());
        assertThrows(MalformedEventException.class,
                () -> apply(callStarted(UUID.randomUUID(), IntStream.rangeClosed(1, 1)),
                        callStarted(call, IntStream.rangeClosed(101, 101))));

        apply(callStarted(call, IntStream.rangeClosed(1, 100))); // the call's own participants again: no more of them
        assertEquals(100L, count("SELECT count(*) AS n FROM call_participant WHERE call_id = ?", call));
    }

    @Test
    void eventGivingACallItsHundredAndFirstFileIsRefused() {
        UUID call = UUID.randomUUID();
        apply(IntStream.rangeClosed(1, 100).mapToObj(file -> fileCompleted(call, "f" + file)).toArray(String[]::new));

        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> apply(fileCompleted(call, "f101")));
        assertEquals("file.file_id would give the call more than 100 files", refused.getMessage());

        apply(fileCompleted(call, "f100"));
        assertEquals(100L, count("SELECT count(*) AS n FROM call_file WHERE call_id = ?", call));
    }

    private void apply(String... events) {
        List<RecorderEvent> read = Arrays.stream(events)
                .map(event -> reader.read(event.getBytes(StandardCharsets.UTF_8))).toList();
        QuarkusTransaction.requiringNew().call(() -> writer.apply(read));
    }

    private long count(String sql, UUID call) {
        return ((Number) Rows.first(dataSource, sql, call).get("n")).longValue();
    }

    private static String callStarted(UUID call, IntStream participants) {
        String list = participants.mapToObj(id -> "{\"participant_id\": \"p" + id + "\", \"party_number\": \"" + id
                + "\"}").collect(Collectors.joining(", "));
        return """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z", "recorder_id": "%s",
                 "call": {"call_id": "%s", "participants": [%s]}}
                """.formatted(UUID.randomUUID(), RECORDER, call, list);
    }

    private static String fileCompleted(UUID call, String file) {
        return """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "2026-03-01T10:05:00Z", "recorder_id": "%s",
                 "call_id": "%s", "file": {"file_id": "%s", "file_size": 1000}}
                """.formatted(UUID.randomUUID(), RECORDER, call, file);
    }
}
