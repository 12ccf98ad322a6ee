package io.parley.call.recorder;

import static io.parley.call.recorder.RecorderEventsResourceTest.callEvent;
import static io.parley.call.recorder.RecorderEventsResourceTest.recorder;
import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

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
        ApiErrorShape.assertEachAnswered(100, data -> given().auth().oauth2(recorder)
                .contentType(ContentType.JSON).body(events(data)).when().post(PATH));
        assertIngestGoesOn(call -> given().auth().oauth2(recorder).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"from_number\": \"fuzz\"")).when().post(PATH)
                .then().statusCode(202));
    }

    @Test
    void publishedRecordsAreAppliedOrSetAsideAndTheConsumerGoesOn() {
        Map<String, String> records = new LinkedHashMap<>();
        FuzzInputs.check(200, data -> records.put(UUID.randomUUID().toString(), events(data)));
        KafkaTopics.sendAll(kafka, "recording.events", records);
        assertIngestGoesOn(call -> KafkaTopics.send(kafka, "recording.events", call.toString(),
                callEvent("call.started", call, "\"from_number\": \"fuzz\"")));
    }

    @Test
    void mutingActionsAnswerOrAreRefusedInTheErrorShape() {
        String call = TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").store(dataSource).toString();
        String root = Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(),
                Set.of("calls:pause_recording"), "UTC");
        FuzzInputs.check(100, data -> {
            String action = data.consumeBoolean() ? Mutations.ofText(data, List.of("mute", "unmute"), List.of())
                    : data.consumeString(20);
            String target = data.consumeBoolean() ? call
                    : URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8).replace("+", "%20");
            ApiErrorShape.assertAnswered(given().auth().oauth2(root).urlEncodingEnabled(false)
                    .queryParam("action", URLEncoder.encode(action, StandardCharsets.UTF_8))
                    .when().post("/api/v2/calls/" + target + ".json/muting"));
            ApiErrorShape.assertAnswered(given().auth().oauth2(root).urlEncodingEnabled(false)
                    .queryParam("action", URLEncoder.encode(action, StandardCharsets.UTF_8))
                    .when().post("/api/v2/users/" + target + ".json/muting"));
        });
    }

    /** A variant of either kind of event, alone or with others in a list, each about a call of its own. */
    private static String events(FuzzedDataProvider data) {
        if (data.consumeInt(0, 4) == 0) {
            StringBuilder list = new StringBuilder("[");
            for (int i = data.consumeInt(0, 3); i > 0; i--) {
                list.append(event(data)).append(i > 1 ? "," : "");
            }
            return list.append("]").toString();
        }
        return event(data);
    }

    private static String event(FuzzedDataProvider data) {
        String valid = data.consumeBoolean() ? CALL_STARTED : FILE_COMPLETED;
        return JsonBodies.around(data, valid.formatted(UUID.randomUUID()));
    }

    /** A valid event sent after the fuzzed ones is stored. */
    private void assertIngestGoesOn(Consumer<UUID> send) {
        UUID call = UUID.randomUUID();
        send.accept(call);
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call);
    }
}
