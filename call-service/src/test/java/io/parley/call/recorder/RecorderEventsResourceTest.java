package io.parley.call.recorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.call.ingest.RecorderEvent;
import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.RandomText;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Recorders posting their events over HTTP: published on the real broker, ingested like any other, or refused. */
@QuarkusTest
class RecorderEventsResourceTest {

    private static final String PATH = "/recorder/v1/events";
    private static final UUID RECORDER = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void postedEventIsPublishedKeyedByItsCallAndIngested() {
        UUID call = UUID.randomUUID();
        String event = callEvent("call.started", call, "\"from_number\": \"100\"");

        given().auth().oauth2(recorder()).contentType(ContentType.JSON).body(event)
                .when().post(PATH).then().statusCode(202);

        ConsumerRecord<String, String> published = KafkaTopics.await(kafka, "recording.events",
                value -> value.contains(call.toString()), Duration.ofSeconds(30)).orElseThrow();
        assertEquals(call.toString(), published.key());
        assertEquals(event, published.value());
        assertEquals("100", Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call)
                .get("from_number"));
    }

    @Test
    void arrayOfEventsIsPublishedEachKeyedByItsCall() {
        UUID call = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        String body = "[" + callEvent("call.started", call, "\"from_number\": \"200\"") + ", "
                + callEvent("call.ended", call, "\"call_state\": 6") + ", " + fileCompleted(file) + "]";

        given().auth().oauth2(recorder()).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(202);

        assertEquals("200", Rows.awaitFirst(dataSource,
                "SELECT * FROM call WHERE call_id = ? AND ended_at IS NOT NULL", call).get("from_number"));
        assertEquals(file.toString(), KafkaTopics.await(kafka, "recording.events",
                value -> value.contains(file.toString()), Duration.ofSeconds(30)).orElseThrow().key());
        assertEquals(1_000L, Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ?", file)
                .get("file_size"));
    }

    @Test
    void eventThatBreaksTheContractIsRefusedNamingTheFieldAndNothingIsPublished() {
        UUID call = UUID.randomUUID();
        given().auth().oauth2(recorder()).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"call_state\": 9"))
                .when().post(PATH)
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("call.call_state"))
                .body("details.fields[0].description", equalTo("call.call_state must be one of [1, 2, 3, 4, 5, 6, 7, 8]"));

        given().auth().oauth2(recorder()).contentType(ContentType.JSON)
                .body("[" + callEvent("call.started", call, "\"from_number\": \"1\"") + ", {\"type\": \"call.x\"}]")
                .when().post(PATH)
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("[1].event_id"));

        given().auth().oauth2(recorder()).contentType(ContentType.JSON).body("[1]")
                .when().post(PATH)
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("[0]"));

        assertEquals(List.of(), KafkaTopics.await(kafka, "recording.events",
                value -> value.contains(call.toString()), Duration.ofSeconds(2)).stream().toList());
    }

    @Test
    void textLongerInBytesThanItsIndexHoldsIsRefusedNamingTheField() {
        UUID call = UUID.randomUUID();
        given().auth().oauth2(recorder()).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"from_number\": \"" + RandomText.cjk(1_000) + "\""))
                .when().post(PATH)
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("call.from_number"))
                .body("details.fields[0].description", equalTo(
                        "call.from_number must be at most 500 bytes of UTF-8 text, without control characters"));
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        given().auth().oauth2(recorder()).contentType(ContentType.JSON).body("{\"event_id\": ")
                .when().post(PATH)
                .then().statusCode(400).body("error", equalTo("InvalidJson"));
    }

    @Test
    void bodyThatIsNotDeclaredJsonIsRefused() {
        given().auth().oauth2(recorder()).contentType(ContentType.TEXT)
                .body(callEvent("call.started", UUID.randomUUID(), "\"from_number\": \"1\""))
                .when().post(PATH)
                .then().statusCode(415).body("error", equalTo("UnsupportedMediaType"));
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        String padding = "x".repeat(RecorderEventsResource.MAX_BODY_BYTES);
        given().auth().oauth2(recorder()).contentType(ContentType.JSON)
                .body(callEvent("call.started", UUID.randomUUID(), "\"from_name\": \"" + padding + "\""))
                .when().post(PATH)
                .then().statusCode(413).body("error", equalTo("PayloadTooLarge"));
    }

    @Test
    void tenantsRecorderPostingACallOnAnotherTenantsExtensionIsRefusedAndNothingIsPublished() {
        String extension = extension();
        TestCalls.tenantWithExtension(dataSource, UUID.randomUUID(), extension);
        UUID own = UUID.randomUUID();
        UUID call = UUID.randomUUID();

        given().auth().oauth2(recorderOf(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("[" + callEvent("call.started", own, "\"from_number\": \"" + extension() + "\"") + ", "
                        + callEvent("call.started", call, "\"from_number\": \"" + extension + "\"") + "]")
                .when().post(PATH)
                .then().statusCode(403)
                .body("error", equalTo("OtherTenant"))
                .body("description", equalTo("A recorder reports only its own tenant's calls"))
                .body("details.fields[0].field_name", equalTo("[1].call"))
                .body("details.fields[0].error", equalTo("other_tenant"))
                .body("details.fields[0].description",
                        equalTo("[1].call would be associated with another tenant by its numbers or identities"));

        assertTrue(published(call).isEmpty());
        assertTrue(published(own).isEmpty(), "nothing of the request is published");
    }

    @Test
    void tenantsRecorderChangingAnotherTenantsCallIsRefusedAndTheCallIsUnchanged() {
        UUID other = UUID.randomUUID();
        UUID call = TestCalls.call(other, "2026-03-01T10:00:00Z").set("from_number", "original").store(dataSource);

        given().auth().oauth2(recorderOf(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(callEvent("call.updated", call, "\"from_number\": \"rewritten\""))
                .when().post(PATH)
                .then().statusCode(403)
                .body("error", equalTo("OtherTenant"))
                .body("details.fields[0].field_name", equalTo("call.call_id"))
                .body("details.fields[0].description", equalTo("call.call_id is not a call of the recorder's tenant"));

        assertTrue(published(call).isEmpty());
        assertEquals("original", Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call)
                .get("from_number"));
    }

    @Test
    void tenantsRecorderCallThatFindsNoTenantIsItsTenantsWhateverTheBodyClaims() {
        UUID tenant = UUID.randomUUID();
        UUID claimed = UUID.randomUUID();
        TestCalls.tenantWithExtension(dataSource, claimed, extension());
        UUID call = UUID.randomUUID();

        given().auth().oauth2(recorderOf(tenant)).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"from_number\": \"" + extension() + "\", \"tenant_id\": \""
                        + claimed + "\""))
                .header(RecorderEvent.RECORDER_TENANT_HEADER, claimed.toString())
                .when().post(PATH)
                .then().statusCode(202);

        assertEquals(tenant, Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call)
                .get("tenant_id"));
        Header stamp = published(call).orElseThrow().headers().lastHeader(RecorderEvent.RECORDER_TENANT_HEADER);
        assertEquals(tenant.toString(), new String(stamp.value(), StandardCharsets.UTF_8));
    }

    @Test
    void rootRecorderServesEveryTenantAndItsEventsCarryNoTenant() {
        String extension = extension();
        UUID other = UUID.randomUUID();
        TestCalls.tenantWithExtension(dataSource, other, extension);
        UUID call = UUID.randomUUID();

        given().auth().oauth2(Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(),
                Set.of("recorder:publish"), "UTC")).contentType(ContentType.JSON)
                .body(callEvent("call.started", call, "\"from_number\": \"" + extension + "\""))
                .when().post(PATH)
                .then().statusCode(202);

        assertEquals(other, Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ? AND tenant_id IS NOT NULL",
                call).get("tenant_id"));
        assertNull(published(call).orElseThrow().headers().lastHeader(RecorderEvent.RECORDER_TENANT_HEADER));
    }

    @Test
    void callerWithoutThePublishPermissionIsDenied() {
        given().auth().oauth2(caller(Set.of("calls:view", "calls:pause_recording"))).contentType(ContentType.JSON)
                .body(callEvent("call.started", UUID.randomUUID(), "\"from_number\": \"1\""))
                .when().post(PATH)
                .then().statusCode(403).body(equalTo("Access is denied"));
    }

    @Test
    void requestWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(callEvent("call.started", UUID.randomUUID(), ""))
                .when().post(PATH).then().statusCode(401);
    }

    static String recorder() {
        return caller(Set.of("recorder:publish"));
    }

    private static String recorderOf(UUID tenant) {
        return Callers.token(UUID.randomUUID(), tenant, "system", List.of(), Set.of("recorder:publish"), "UTC");
    }

    private static String extension() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }

    /** The record published for the call, if any, read once the request has been answered (publishing is in it). */
    private Optional<ConsumerRecord<String, String>> published(UUID call) {
        return KafkaTopics.all(kafka, "recording.events").stream()
                .filter(record -> record.value().contains(call.toString())).findFirst();
    }

    private static String caller(Set<String> permissions) {
        return IdentityTokens.of(new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(),
                "recorder", "system", List.of(), permissions, "UTC"));
    }

    static String callEvent(String type, UUID call, String fields) {
        return """
                {"event_id": "%s", "type": "%s", "occurred_at": "2026-03-01T10:00:00Z", "recorder_id": "%s", \
                "call": {"call_id": "%s"%s}}""".formatted(UUID.randomUUID(), type, RECORDER, call,
                fields.isEmpty() ? "" : ", " + fields);
    }

    private static String fileCompleted(UUID call) {
        return """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "2026-03-01T10:05:00Z", \
                "recorder_id": "%s", "call_id": "%s", "file": {"file_id": "1", "file_size": 1000}}"""
                .formatted(UUID.randomUUID(), RECORDER, call);
    }
}
