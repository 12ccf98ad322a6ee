package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.restassured.http.ContentType;

/**
 * The inputs that once stopped a pipeline, tried as a user would against the whole platform: a recorder event whose
 * number is a thousand CJK characters, and a client with thousands of contacts. Each is refused where it enters, or
 * set aside with its reason, and what comes after it is applied.
 */
@ExtendWith(SharedPlatform.class)
class PoisonRecordsEndToEndTest {

    private static final String CJK_NUMBER = "電".repeat(1_000);

    private static LocalPlatform platform;
    private static PlatformDatabase database;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void anOversizedNumberPostedOverHttpIsRefusedNamingTheField() {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body(callStarted(UUID.randomUUID(), UUID.randomUUID(), CJK_NUMBER))
                .when().post(platform.serviceUrl("gateway") + "/recorder/v1/events")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("call.from_number"));
    }

    @Test
    void anOversizedNumberPublishedOnKafkaIsSetAsideAndTheNextCallIsStored() {
        UUID recorder = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String kafka = platform.kafkaBootstrapServers();
        KafkaTopics.send(kafka, RecorderCalls.TOPIC, poisoned.toString(), callStarted(poisoned, recorder, CJK_NUMBER));
        KafkaTopics.send(kafka, RecorderCalls.TOPIC, next.toString(), callStarted(next, recorder, "+15550100"));

        await().atMost(Duration.ofMinutes(1)).until(() -> database.storedCalls(recorder) == 1);
        ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofMinutes(1)).until(
                () -> KafkaTopics.all(kafka, DeadLetterTopics.RECORDER_EVENTS).stream()
                        .filter(record -> record.key().equals(poisoned.toString())).findFirst().orElse(null),
                record -> record != null);
        String reason = new String(deadLetter.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("call.from_number"), reason);
        assertFalse(reason.contains("電"), "the reason never quotes the value");
    }

    @Test
    void aClientWithThousandsOfContactsIsRefusedAndTheNextChangeIsPublished() {
        CallCenter center = CallCenter.create(platform, 0);
        String contacts = IntStream.range(0, 6_000)
                .mapToObj(i -> "{\"phone_number\": \"+1408%07d\", \"name\": \"Contact %d\"}".formatted(i, i))
                .collect(Collectors.joining(", "));
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + center.tenant() + "\", \"name\": \"Big\", \"contacts\": ["
                        + contacts + "]}}")
                .when().post(platform.apiUrl() + "/clients.json")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .body("error", equalTo("PayloadTooLarge"));

        UUID agent = center.addAgent(platform);
        await().atMost(Duration.ofMinutes(1)).until(() -> database.knownUsers("calls", List.of(agent)) == 1
                && database.knownUsers("crypto", List.of(agent)) == 1);
    }

    private static String callStarted(UUID call, UUID recorder, String fromNumber) {
        return """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-06-01T10:00:00Z", "recorder_id": "%s",
                 "call": {"call_id": "%s", "from_number": "%s", "to_number": "+15550199"}}"""
                .formatted(UUID.randomUUID(), recorder, call, fromNumber);
    }
}
