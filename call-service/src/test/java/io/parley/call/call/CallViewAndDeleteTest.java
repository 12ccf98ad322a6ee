package io.parley.call.call;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.common.embedded.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET} and {@code DELETE /api/v2/calls/{call_id}.json} (reference 3.1.5, 3.1.6). */
@QuarkusTest
class CallViewAndDeleteTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private final UUID tenant = UUID.randomUUID();
    private final String administrator = Callers.system(tenant, Callers.CALLS);

    @Test
    void viewShowsTheCallWithItsParticipantsAndFilesDatedInTheCallersTimezone() {
        UUID agent = UUID.randomUUID();
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("from_number", "100").set("call_state", 6)
                .participant(agent, "100").participant(null, "+15550100").file("/recordings/a.mp3")
                .store(dataSource);
        String singapore = Callers.token(UUID.randomUUID(), tenant, "system", List.of(), Callers.CALLS,
                "Asia/Singapore");

        given().auth().oauth2(singapore).when().get("/api/v2/calls/" + call + ".json")
                .then().statusCode(200)
                .body("call.call_id", equalTo(call.toString()))
                .body("call.tenant_id", equalTo(tenant.toString()))
                .body("call.setup_time", equalTo("2026-03-01T18:00:00+0800"))
                .body("call.call_state", equalTo(6))
                .body("call", hasKey("to_number"))
                .body("call.to_number", nullValue())
                .body("call.participants[0].user_id", equalTo(agent.toString()))
                .body("call.participants[1].party_number", equalTo("+15550100"))
                .body("call.files[0].file_path", equalTo("/recordings/a.mp3"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(administrator).when().get("/api/v2/calls/" + UUID.randomUUID() + ".json")
                .then().statusCode(404).body("error", equalTo("NotFound"));
        given().auth().oauth2(administrator).when().get("/api/v2/calls/not-a-call.json")
                .then().statusCode(404).body("error", equalTo("NotFound"));
        given().auth().oauth2(administrator).when().delete("/api/v2/calls/" + UUID.randomUUID() + ".json")
                .then().statusCode(404).body("error", equalTo("NotFound"));
        given().auth().oauth2(administrator).when().delete("/api/v2/calls/not-a-call.json")
                .then().statusCode(404);
    }

    @Test
    void deleteRemovesTheCallWithItsParticipantsAndFilesAndPublishesCallDeleted() throws Exception {
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").participant(null, "100").file("/recordings/b.mp3")
                .store(dataSource);

        given().auth().oauth2(administrator).when().delete("/api/v2/calls/" + call + ".json").then().statusCode(200);

        given().auth().oauth2(administrator).when().get("/api/v2/calls/" + call + ".json").then().statusCode(404);
        assertTrue(Rows.first(dataSource, "SELECT * FROM call_participant WHERE call_id = ?", call).isEmpty());
        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).isEmpty());
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, "call.events",
                value -> value.contains(call.toString()) && value.contains("\"call.deleted\""), Duration.ofSeconds(30))
                .orElseThrow();
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(call.toString(), record.key());
        assertEquals(tenant.toString(), event.path("tenantid").asText());
        assertEquals(call.toString(), event.path("data").path("call").path("call_id").asText());
    }

    @Test
    void aDeletedCallStaysDeletedWhenItsRecorderReportsItLate() {
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        given().auth().oauth2(administrator).when().delete("/api/v2/calls/" + call + ".json").then().statusCode(200);

        UUID marker = UUID.randomUUID();
        // both under the deleted call's key: one partition, so the marker is stored after the late event was read
        KafkaTopics.send(kafka, "recording.events", call.toString(), callUpdated(call));
        KafkaTopics.send(kafka, "recording.events", call.toString(), callUpdated(marker));

        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", marker);
        assertTrue(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).isEmpty());
    }

    private static String callUpdated(UUID call) {
        return """
                {"event_id": "%s", "type": "call.updated", "occurred_at": "2026-03-01T10:06:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "100"}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), call);
    }

    @Test
    void aDeleteWaitsForAnIngestOfTheCallInFlightAndRemovesTheCallAsItLeftIt() throws Exception {
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        try (Connection ingest = dataSource.getConnection()) {
            ingest.setAutoCommit(false);
            CallLocks.lock(ingest, List.of(call)); // a batch of the call's recorder events, not committed yet
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> given().auth().oauth2(administrator)
                    .when().delete("/api/v2/calls/" + call + ".json").then().extract().statusCode());
            await().atMost(Duration.ofSeconds(30)).until(() -> !Rows.first(dataSource,
                    "SELECT 1 AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?",
                    lockKey(call)).isEmpty());
            try (PreparedStatement update = ingest.prepareStatement("UPDATE call SET to_name = 'late' WHERE call_id = ?")) {
                update.setObject(1, call);
                update.executeUpdate();
            }
            ingest.commit();

            assertEquals(200, delete.get(30, TimeUnit.SECONDS));
        }
        assertTrue(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).isEmpty());
    }

    /** The second key of a call's advisory lock, as pg_locks shows it (an unsigned 32-bit objid). */
    private long lockKey(UUID call) {
        return ((Number) Rows.first(dataSource, "SELECT hashtext(?::text)::bigint & 4294967295 AS key", call.toString())
                .get("key")).longValue();
    }
}
