package io.parley.call.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.Rows;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.LogCapture;
import io.parley.common.embedded.RandomText;
import io.parley.common.embedded.RefusingTrigger;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Recorders' events on the real broker, stored in the real database: duplicates, reordering, malformed records. */
@QuarkusTest
class RecorderIngestTest {

    private static final String TOPIC = "recording.events";
    private static final UUID RECORDER = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @Test
    void callReportedInSeveralEventsIsStoredWithItsParticipantsAndFiles() {
        UUID call = UUID.randomUUID();
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "setup_time": "2026-03-01T10:00:00Z", "call_state": 1, "voip_protocol": 1,
                 "from_number": "100", "from_name": "John Smith", "to_number": "102", "from_port": 5060,
                 "participants": [{"participant_id": "p1", "party_direction": 1, "party_number": "100"},
                                  {"participant_id": "p2", "party_direction": 2, "party_number": "102"}]}
                """.formatted(call)));
        publish(call, event("call.updated", "2026-03-01T10:00:05Z", """
                {"call_id": "%s", "call_state": 4, "connect_time": "2026-03-01T10:00:05+0000", "to_name": "Emy",
                 "participants": [{"participant_id": "p2", "party_name": "Emy",
                                   "join_time": "2026-03-01T10:00:05Z"}]}
                """.formatted(call)));
        publish(call, fileCompleted(call, "2026-03-01T10:05:00Z", "f1", 48_000));
        publish(call, event("call.ended", "2026-03-01T10:05:00Z", """
                {"call_id": "%s", "call_state": 6, "disconnect_time": "2026-03-01T10:05:00Z"}
                """.formatted(call)));

        Map<String, Object> stored = awaitRow("SELECT * FROM call WHERE call_id = ? AND ended_at IS NOT NULL", call);
        assertEquals(6, stored.get("call_state"));
        assertEquals("John Smith", stored.get("from_name"));
        assertEquals("Emy", stored.get("to_name"));
        assertEquals(5060, stored.get("from_port"));
        assertEquals(RECORDER, stored.get("recorder_id"));
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00:05Z").toInstant(), instant(stored.get("connect_time")));
        Map<String, Object> called = row("SELECT * FROM call_participant WHERE call_id = ? AND participant_id = 'p2'",
                call);
        assertEquals("102", called.get("party_number"));
        assertEquals("Emy", called.get("party_name"));
        assertEquals(2, called.get("party_direction"));
        assertEquals(48_000L, row("SELECT * FROM call_file WHERE call_id = ?", call).get("file_size"));
    }

    @Test
    void everyChangeIsPublishedOnCallEventsWithTheCallAsTheApiShowsIt() throws Exception {
        UUID call = UUID.randomUUID();
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "setup_time": "2026-03-01T10:00:00+02:00", "from_number": "700",
                 "participants": [{"participant_id": "1", "party_number": "700"}]}
                """.formatted(call)));
        JsonNode created = callEvent(call, "call.created");
        publish(call, event("call.ended", "2026-03-01T10:05:00Z", """
                {"call_id": "%s", "call_state": 6}
                """.formatted(call)));
        JsonNode updated = callEvent(call, "call.updated");

        assertEquals("2026-03-01T08:00:00+0000", created.path("data").path("call").path("setup_time").asText());
        assertEquals("700", created.path("data").path("call").path("participants").path(0).path("party_number")
                .asText());
        assertTrue(created.path("data").path("call").has("transferred_to_id"), "every field, null when unknown");
        assertEquals(6, updated.path("data").path("call").path("call_state").asInt());
        assertEquals("700", updated.path("data").path("call").path("from_number").asText());
    }

    private JsonNode callEvent(UUID call, String type) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, "call.events",
                value -> value.contains(call.toString()) && value.contains("\"" + type + "\""), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(call.toString(), record.key());
        return new ObjectMapper().readTree(record.value());
    }

    @Test
    void lateEventOnlyFillsWhatANewerOneLeftUnknown() {
        UUID call = UUID.randomUUID();
        publish(call, event("call.updated", "2026-03-01T10:00:05Z", """
                {"call_id": "%s", "call_state": 4, "from_name": "Newer Name"}
                """.formatted(call)));
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "call_state": 1, "from_name": "Older Name", "from_number": "200"}
                """.formatted(call)));

        Map<String, Object> stored = awaitRow("SELECT * FROM call WHERE call_id = ? AND from_number IS NOT NULL",
                call);
        assertEquals(4, stored.get("call_state"));
        assertEquals("Newer Name", stored.get("from_name"));
        assertEquals("200", stored.get("from_number"));
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00:05Z").toInstant(), instant(stored.get("last_event_at")));
    }

    @Test
    void fileReportedBeforeItsCallIsKeptAndTheCallFilledInLater() {
        UUID call = UUID.randomUUID();
        publish(call, fileCompleted(call, "2026-03-01T10:05:00Z", "f1", 1_000));
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "call_state": 1, "from_number": "300"}
                """.formatted(call)));

        Map<String, Object> stored = awaitRow("SELECT * FROM call WHERE call_id = ? AND from_number IS NOT NULL",
                call);
        assertEquals(1, stored.get("call_state"));
        assertNull(stored.get("ended_at"));
        assertEquals(1_000L, row("SELECT * FROM call_file WHERE call_id = ?", call).get("file_size"));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID call = UUID.randomUUID();
        // Two updates of the same second: the one applied last wins. Applied again, the first would undo the second.
        String first = event("call.updated", "2026-03-01T10:00:01Z", """
                {"call_id": "%s", "call_state": 1, "from_number": "401"}
                """.formatted(call));
        publish(call, first);
        awaitRow("SELECT * FROM call WHERE call_id = ? AND from_number = '401'", call);
        publish(call, event("call.updated", "2026-03-01T10:00:01Z", """
                {"call_id": "%s", "from_number": "402"}
                """.formatted(call)));
        awaitRow("SELECT * FROM call WHERE call_id = ? AND from_number = '402'", call);
        publish(call, first);
        publish(call, event("call.updated", "2026-03-01T10:00:02Z", """
                {"call_id": "%s", "to_number": "marker"}
                """.formatted(call)));

        Map<String, Object> stored = awaitRow("SELECT * FROM call WHERE call_id = ? AND to_number = 'marker'", call);
        assertEquals("402", stored.get("from_number"));
        UUID firstId = UUID.fromString(first.substring(first.indexOf("\"event_id\": \"") + 13,
                first.indexOf("\"event_id\": \"") + 49));
        assertEquals(1L, row("SELECT count(*) AS n FROM processed_event WHERE event_id = ?", firstId).get("n"));
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheReasonAndIngestGoesOn() {
        UUID call = UUID.randomUUID();
        publish(call, "not json " + call);
        byte[] notUtf8 = event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "to_name": "latin-1 \u00e9 %s"}
                """.formatted(call, call)).getBytes(StandardCharsets.ISO_8859_1);
        KafkaTopics.send(kafka, TOPIC, call.toString(), notUtf8);
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "call_state": 9, "to_name": "%s"}
                """.formatted(call, call)));
        publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "from_number": "500"}
                """.formatted(call)));

        assertTrue(reason(call, "not json").contains("not JSON"));
        assertTrue(reason(call, "latin-1").contains("UTF-8"), "a value that is not UTF-8 is not JSON");
        assertEquals("call.call_state must be one of [1, 2, 3, 4, 5, 6, 7, 8]", reason(call, "\"call_state\": 9"));
        assertEquals("500", awaitRow("SELECT * FROM call WHERE call_id = ?", call).get("from_number"));
    }

    /**
     * A record the dead-letter topic cannot take goes there without its value, the reason saying so and where the
     * record stays, and ingest goes on: sending it again and again would hold the partition forever.
     */
    @Test
    void aRecordTooLargeForTheDeadLetterTopicIsSetAsideWithoutItsValue() {
        UUID call = UUID.randomUUID();
        KafkaTopics.create(kafka, "recording.events.dlq");
        KafkaTopics.withSettings(kafka, "recording.events.dlq", Map.of("max.message.bytes", "2000"), () -> {
            publish(call, "not json " + "x".repeat(5_000) + call);
            publish(call, event("call.started", "2026-03-01T10:00:00Z", """
                    {"call_id": "%s", "from_number": "501"}
                    """.formatted(call)));
            // one partition, in order: the large record was set aside before this event was applied
            assertEquals("501", awaitRow("SELECT * FROM call WHERE call_id = ?", call).get("from_number"));
        });

        ConsumerRecord<String, String> dead = KafkaTopics.all(kafka, "recording.events.dlq").stream()
                .filter(record -> call.toString().equals(record.key())).findFirst().orElseThrow();
        assertEquals("", dead.value());
        assertNotNull(dead.headers().lastHeader("dead-letter-value-left-out"));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("not JSON") && reason.contains("too large for this topic and is left out: it stays"
                + " at recording.events-"), reason);
    }

    @Test
    void textLongerInBytesThanItsIndexHoldsIsSetAsideNamingTheField() {
        UUID refused = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        publish(refused, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "from_number": "%s"}
                """.formatted(refused, RandomText.cjk(1_000))));
        publish(accepted, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "from_number": "700"}
                """.formatted(accepted)));

        assertEquals("call.from_number must be at most 500 bytes of UTF-8 text, without control characters",
                reason(refused, "from_number"));
        assertEquals("700", awaitRow("SELECT * FROM call WHERE call_id = ?", accepted).get("from_number"));
        assertTrue(row("SELECT * FROM call WHERE call_id = ?", refused).isEmpty());
    }

    @Test
    void eventTheDatabaseRefusesIsSetAsideWithoutHoldingUpTheOthers() {
        UUID refused = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        // a date-time of the contract's form that PostgreSQL cannot store (its last year is 294276)
        publish(refused, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "setup_time": "+300000-01-01T00:00:00Z"}
                """.formatted(refused)));
        publish(accepted, event("call.started", "2026-03-01T10:00:00Z", """
                {"call_id": "%s", "from_number": "600"}
                """.formatted(accepted)));

        assertTrue(reason(refused, "+300000").startsWith("The database refused the event"));
        assertEquals("600", awaitRow("SELECT * FROM call WHERE call_id = ?", accepted).get("from_number"));
        assertTrue(row("SELECT * FROM call WHERE call_id = ?", refused).isEmpty());
    }

    @Test
    void eventTheDatabaseRefusesForAReasonOfItsOwnIsSetAsideNamingTheFieldAndTheNextOneIsApplied() {
        UUID refused = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String marker = "refused-" + refused;
        try (RefusingTrigger trigger = RefusingTrigger.on(dataSource, "calls.call", "from_number", marker)) {
            publish(refused, event("call.started", "2026-03-01T10:00:00Z", """
                    {"call_id": "%s", "from_number": "%s"}
                    """.formatted(refused, marker)));
            publish(refused, event("call.started", "2026-03-01T10:00:00Z", """
                    {"call_id": "%s", "from_number": "601"}
                    """.formatted(next))); // the same key: the same partition, after the refused one

            assertEquals("The database refused the event: SQLSTATE 54000 (program limit exceeded), table calls.call,"
                    + " column from_number", reason(refused, marker));
            assertEquals("601", awaitRow("SELECT * FROM call WHERE call_id = ?", next).get("from_number"));
            assertTrue(row("SELECT * FROM call WHERE call_id = ?", refused).isEmpty());
        }
    }

    @Test
    void aRefusedEventLeavesNoValueInTheLogsNorInHealth() {
        UUID refused = UUID.randomUUID();
        String marker = "secret-" + refused;
        try (LogCapture log = LogCapture.of("");
                RefusingTrigger trigger = RefusingTrigger.on(dataSource, "calls.call", "from_number", marker)) {
            publish(refused, event("call.started", "2026-03-01T10:00:00Z", """
                    {"call_id": "%s", "from_number": "%s"}
                    """.formatted(refused, marker)));

            reason(refused, marker);
            String report = given().get(health).then().statusCode(200).extract().asString();
            assertFalse(report.contains(marker), report);
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(marker)), String.join("\n", log.lines()));
        }
    }

    private String reason(UUID call, String marker) {
        ConsumerRecord<String, String> dead = KafkaTopics.await(kafka, "recording.events.dlq",
                value -> value.contains(call.toString()) && value.contains(marker), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(call.toString(), dead.key());
        assertNotNull(dead.headers().lastHeader("dead-letter-offset"));
        return new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    private static String event(String type, String occurredAt, String call) {
        return """
                {"event_id": "%s", "type": "%s", "occurred_at": "%s", "recorder_id": "%s", "call": %s}
                """.formatted(UUID.randomUUID(), type, occurredAt, RECORDER, call);
    }

    private static String fileCompleted(UUID call, String occurredAt, String fileId, long size) {
        return """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "%s", "recorder_id": "%s",
                 "call_id": "%s", "file": {"file_id": "%s", "start_time": "2026-03-01T10:00:05Z",
                 "stop_time": "%s", "file_size": %d, "watermark": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}}
                """.formatted(UUID.randomUUID(), occurredAt, RECORDER, call, fileId, occurredAt, size);
    }

    private void publish(UUID call, String value) {
        KafkaTopics.send(kafka, TOPIC, call.toString(), value);
    }

    private Map<String, Object> awaitRow(String sql, Object parameter) {
        return Rows.awaitFirst(dataSource, sql, parameter);
    }

    private Map<String, Object> row(String sql, Object parameter) {
        return Rows.first(dataSource, sql, parameter);
    }

    private static java.time.Instant instant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp sql ? sql.toInstant() : ((OffsetDateTime) timestamp).toInstant();
    }
}
