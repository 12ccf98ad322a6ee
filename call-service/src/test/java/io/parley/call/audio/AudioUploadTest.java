package io.parley.call.audio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Recorders uploading audio, before or after their events: the size and SHA-1 measured, compared with what
 * {@code file.completed} reported, a difference reported; uploads refused.
 */
@QuarkusTest
class AudioUploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "parley.audio.max-file-size")
    MemorySize maxFileSize;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private final byte[] audio = Audio.bytes(20, 2_000);

    @Test
    void uploadBeforeTheEventsIsVerifiedWhenTheRecorderReportsTheFile() {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201).body("file.integrity", equalTo("unverified"));

        Audio.fileCompleted(call, "1", "2026-03-01T10:00:05Z", audio.length, Audio.sha1(audio));

        Map<String, Object> file = Rows.awaitFirst(dataSource,
                "SELECT * FROM call_file WHERE call_id = ? AND integrity = 'verified'", call);
        given().auth().oauth2(Audio.listener()).when().get("/api/v2/calls/" + call + ".json").then()
                .statusCode(200).body("call.files[0].file_size", equalTo(2_000))
                .body("call.files[0].watermark", equalTo(Audio.sha1(audio)))
                .body("call.files[0].file_path", equalTo(file.get("file_path")));
    }

    @Test
    void uploadAfterTheEventsIsComparedAtOnce() {
        UUID call = UUID.randomUUID();
        Audio.fileCompleted(call, "1", "2026-03-01T10:00:05Z", audio.length, Audio.sha1(audio).toUpperCase());
        Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);

        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201).body("file.integrity", equalTo("verified"));
    }

    @Test
    void uploadThatDiffersFromTheReportIsAMismatchPublished() throws Exception {
        UUID call = UUID.randomUUID();
        Audio.fileCompleted(call, "1", "2026-03-01T10:00:05Z", audio.length + 1, Audio.sha1(audio));
        Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);

        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201).body("file.integrity", equalTo("mismatch"));

        JsonNode event = mismatchEvent(call);
        assertEquals(2_001, event.at("/data/file/reported/file_size").asInt());
        assertEquals(2_000, event.at("/data/file/stored/file_size").asInt());
        assertEquals("1", event.at("/data/file/file_id").asText());
    }

    @Test
    void reportThatDiffersFromTheUploadIsAMismatchPublished() throws Exception {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);

        Audio.fileCompleted(call, "1", "2026-03-01T10:00:05Z", audio.length, Audio.sha1(Audio.bytes(21, 2_000)));

        Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ? AND integrity = 'mismatch'", call);
        JsonNode event = mismatchEvent(call);
        assertEquals(Audio.sha1(audio), event.at("/data/file/stored/watermark").asText());
        assertTrue(!event.at("/data/file/reported/watermark").asText().equals(Audio.sha1(audio)));
    }

    @Test
    void uploadForADeletedCallIsNotFoundAndKeepsNothing() {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        given().auth().oauth2(Audio.listener()).when().delete("/api/v2/calls/" + call + ".json")
                .then().statusCode(200);

        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(404);

        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).isEmpty());
        assertTrue(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).isEmpty());
    }

    @Test
    void tenantsRecorderUploadingOverAnotherTenantsCallIsNotFoundAndTheRecordingStays() {
        UUID other = UUID.randomUUID();
        UUID call = TestCalls.call(other, "2026-03-01T10:00:00Z").store(dataSource);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        Object storageKey = Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).get("storage_key");

        Audio.upload(Audio.recorderOf(UUID.randomUUID()), call, "1", "audio/mpeg", Audio.bytes(99, 2_000))
                .statusCode(404).body("error", equalTo("NotFound")).body("description", equalTo("Call not found"));

        Map<String, Object> file = Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);
        assertEquals(storageKey, file.get("storage_key"));
        assertEquals(Audio.sha1(audio), file.get("stored_watermark"));
        assertTrue(Rows.first(dataSource, "SELECT * FROM audio_deletion WHERE storage_key = ?", storageKey).isEmpty(),
                "the recording is not queued for deletion");
        assertArrayEquals(audio, given().auth().oauth2(Audio.listener()).when()
                .get("/api/v2/calls/" + call + ".json/file").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void tenantsRecorderUploadsForItsTenantsCallsAndANewCallIsItsTenants() {
        UUID tenant = UUID.randomUUID();
        UUID own = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        UUID fresh = UUID.randomUUID();

        Audio.upload(Audio.recorderOf(tenant), own, "1", "audio/mpeg", audio).statusCode(201);
        Audio.upload(Audio.recorderOf(tenant), fresh, "1", "audio/mpeg", audio).statusCode(201);

        assertEquals(tenant, Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", fresh).get("tenant_id"));
    }

    @Test
    void tenantsRecorderUploadingForACallOfNoTenantIsNotFound() {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);

        Audio.upload(Audio.recorderOf(UUID.randomUUID()), call, "2", "audio/mpeg", audio).statusCode(404);

        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ? AND file_id = '2'", call)
                .isEmpty());
    }

    @Test
    void uploadOverTheLimitIsRefusedAndNotStored() {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", new Audio.Generated(22, maxFileSize.asLongValue() + 1)).statusCode(413);

        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).isEmpty());
    }

    @Test
    void uploadThatWouldBeTheCallsHundredAndFirstFileIsRefusedAndNotStored() throws Exception {
        UUID call = UUID.randomUUID();
        try (var connection = dataSource.getConnection();
                var calls = connection.prepareStatement("INSERT INTO call (call_id, last_event_at) VALUES (?, now())");
                var files = connection.prepareStatement("INSERT INTO call_file (call_id, file_id, last_event_at)"
                        + " SELECT ?, 'f' || n, now() FROM generate_series(1, 100) AS n")) {
            calls.setObject(1, call);
            calls.executeUpdate();
            files.setObject(1, call);
            files.executeUpdate();
        }

        Audio.upload(call, "f101", "audio/mpeg", audio).statusCode(400)
                .body("details.fields[0].field_name", equalTo("file_id"))
                .body("details.fields[0].description", equalTo("would give the call more than 100 files"));
        Audio.upload(call, "f100", "audio/mpeg", audio).statusCode(201);

        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ? AND file_id = 'f101'", call)
                .isEmpty());
    }

    @Test
    void uploadOfAnotherTypeIsRefused() {
        Audio.upload(UUID.randomUUID(), "1", "application/json", audio).statusCode(415)
                .body("error", equalTo("UnsupportedMediaType"));
    }

    @Test
    void uploadWithAMalformedIdIsRefused() {
        Audio.upload(UUID.randomUUID(), "a%20b", "audio/mpeg", audio).statusCode(400)
                .body("details.fields[0].field_name", equalTo("file_id"));
        given().auth().oauth2(Audio.recorder()).contentType("audio/mpeg").body(audio)
                .when().put("/recorder/v1/calls/not-a-call/files/1").then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("call_id"));
    }

    @Test
    void uploadNeedsTheRecorderPermission() {
        given().auth().oauth2(Callers.system(UUID.randomUUID(), Set.of("calls:view", "calls:playback")))
                .contentType("audio/mpeg").body(audio)
                .when().put("/recorder/v1/calls/" + UUID.randomUUID() + "/files/1")
                .then().statusCode(403).body(equalTo("Access is denied"));
        given().contentType("audio/mpeg").body(audio)
                .when().put("/recorder/v1/calls/" + UUID.randomUUID() + "/files/1").then().statusCode(401);
    }

    private JsonNode mismatchEvent(UUID call) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, "call.events",
                value -> value.contains("file.mismatched") && value.contains(call.toString()), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(call.toString(), record.key());
        return mapper.readTree(record.value());
    }
}
