package io.parley.call.recorder;

import static io.parley.call.recorder.RecorderEventsResourceTest.callEvent;
import static io.parley.call.recorder.RecorderEventsResourceTest.recorder;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.fuzz.ApiErrorShape;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.JsonBodies;
import io.parley.common.embedded.fuzz.Mutations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Fuzzes what outsiders send call-service: recorder events posted over HTTP and published on Kafka, and the muting
 * actions. A posted event is accepted or refused with a 4xx in the API's error shape; a record on the topic is
 * applied or set aside on the dead-letter topic; afterwards the service answers and the consumer still applies a valid
 * event.
 */
@QuarkusTest
class RequestBodiesFuzzTest {

    private static final String PATH = "/recorder/v1/events";
    private static final String CALL_STARTED = """
            {"event_id": "0b7c2d4e-2f0a-4a7e-9d38-3f3d4b8f6a10", "type": "call.started",
             "occurred_at": "2026-03-01T10:00:00Z", "recorder_id": "5f1c6c58-7a8e-4d6b-8a57-2b2f0e0f4b11",
             "call": {"call_id": "%s", "setup_time": "2026-03-01T10:00:00+0100", "call_state": 1, "voip_protocol": 1,
              "from_number": "100", "from_name": "John Smith", "to_number": "102", "from_port": 5060,
              "participants": [{"participant_id": "1", "party_direction": 1, "party_number": "100"}]}}
            """;
    private static final String FILE_COMPLETED = """
            {"event_id": "9a0f3b9e-1c55-4d8e-8e3b-6a3c1f2e7d20", "type": "file.completed",
             "occurred_at": "2026-03-01T10:05:00Z", "recorder_id": "5f1c6c58-7a8e-4d6b-8a57-2b2f0e0f4b11",
             "call_id": "%s", "file": {"file_id": "1", "start_time": "2026-03-01T10:00:05Z",
              "stop_time": "2026-03-01T10:05:00Z", "file_size": 4800000,
              "watermark": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void postedEventsAreAcceptedOrRefusedInTheErrorShape() {
        String recorder = recorder();
        ApiErrorShape.assertEachAnswered(events(), 200, body -> given().auth().oauth2(recorder)
                .contentType(ContentType.JSON).body(body).when().post(PATH));
        assertIngestGoesOn(call -> given().auth().oauth2(recorder).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"from_number\": \"fuzz\"")).when().post(PATH)
                .then().statusCode(202));
    }

    @Test
    void publishedRecordsAreAppliedOrSetAsideAndTheConsumerGoesOn() {
        FuzzInputs.check(events(), 200, record -> KafkaTopics.send(kafka, "recording.events",
                UUID.randomUUID().toString(), record));
        assertIngestGoesOn(call -> KafkaTopics.send(kafka, "recording.events", call.toString(),
                callEvent("call.started", call, "\"from_number\": \"fuzz\"")));
    }

    @Test
    void mutingActionsAnswerOrAreRefusedInTheErrorShape() {
        UUID tenant = UUID.randomUUID();
        String call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource).toString();
        String root = Callers.root();
        Arbitrary<List<String>> requests = Arbitraries.oneOf(
                Mutations.ofText(List.of("mute", "unmute"), List.of()), Arbitraries.strings().all().ofMaxLength(20))
                .list().ofSize(2);
        FuzzInputs.check(requests, 150, request -> {
            String target = request.get(1).isEmpty() ? call : request.get(1);
            ApiErrorShape.assertAnswered(given().auth().oauth2(root).queryParam("action", request.get(0))
                    .when().post("/api/v2/calls/{call}.json/muting", target));
            ApiErrorShape.assertAnswered(given().auth().oauth2(root).queryParam("action", request.get(0))
                    .when().post("/api/v2/users/{user}.json/muting", request.get(1)));
        });
    }

    /** Variants of both kinds of event, alone or in a list, each about a call of its own. */
    private static Arbitrary<String> events() {
        Arbitrary<String> one = Arbitraries.oneOf(JsonBodies.around(CALL_STARTED.formatted(UUID.randomUUID())),
                JsonBodies.around(FILE_COMPLETED.formatted(UUID.randomUUID())));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, one),
                net.jqwik.api.Tuple.of(1, one.list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]")));
    }

    /** A valid event sent after the fuzzed ones is stored. */
    private void assertIngestGoesOn(java.util.function.Consumer<UUID> send) {
        UUID call = UUID.randomUUID();
        send.accept(call);
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call);
    }
}
