package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CallEvents;
import io.parley.common.events.RecorderCommands;
import io.restassured.http.ContentType;

/**
 * Recorders through the real gateway: a recorder account posts its events over HTTP, call-service stores the call
 * and publishes it on {@code call.events}; muting the call through the API sends its recorder a command. A tenant's
 * recorder writes only into its own tenant: another tenant's calls, by their extensions or by their ids, are refused.
 */
@ExtendWith(SharedPlatform.class)
class RecorderEndToEndTest {

    private static final String PASSWORD = "recorder-password";

    private static LocalPlatform platform;
    private static String recorderTenant;
    private static String recorderLogin;

    @BeforeAll
    static void recorderAccount() {
        platform = SharedPlatform.platform();
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Recorders " + UUID.randomUUID() + "\"", "Recorders");
        recorderTenant = scene.tenant();
        recorderLogin = user(scene, "Recorder", "{\"recorder\": [\"publish\"]}");
    }

    @Test
    void recorderPostsACallStartedAndTheCallIsPublishedThenMutingItCommandsTheRecorder() {
        UUID call = UUID.randomUUID();
        given().auth().preemptive().basic(recorderLogin, PASSWORD).contentType(ContentType.JSON)
                .body(callStarted(call, outsideNumber()))
                .when().post(recorderEventsUrl())
                .then().statusCode(202);

        assertEquals(call.toString(), KafkaTopics.await(platform.kafkaBootstrapServers(), CallEvents.TOPIC,
                value -> value.contains(call.toString()) && value.contains(CallEvents.CALL_CREATED),
                Duration.ofSeconds(30)).orElseThrow().key());

        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).queryParam("action", "mute")
                .when().post(platform.apiUrl() + "/calls/" + call + ".json/muting")
                .then().statusCode(200);
        assertEquals(call.toString(), KafkaTopics.await(platform.kafkaBootstrapServers(), RecorderCommands.TOPIC,
                value -> value.contains(call.toString()) && value.contains(RecorderCommands.CALL_MUTE),
                Duration.ofSeconds(30)).orElseThrow().key());
    }

    @Test
    void tenantsRecorderCannotPostIntoNorUploadOverAnotherTenantsCallsAndItsOwnCallLandsInItsTenant() {
        CallCenter other = CallCenter.create(platform, 1);
        String otherAdmin = user(new PlatformApi.TenantGroup(other.tenant(), other.group()), "Admin",
                "{\"calls\": [\"view\", \"playback\"]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> new PlatformDatabase(platform)
                .knownUsers("calls", other.agents()) == 1); // call-service knows the other tenant's extension

        // a call on the other tenant's extension: refused, and nothing of it reaches the other tenant
        UUID crossing = UUID.randomUUID();
        given().auth().preemptive().basic(recorderLogin, PASSWORD).contentType(ContentType.JSON)
                .body(callStarted(crossing, other.extensions().get(0)))
                .when().post(recorderEventsUrl())
                .then().statusCode(403).body("error", equalTo("OtherTenant"))
                .body("details.fields[0].field_name", equalTo("call"));
        given().auth().preemptive().basic(otherAdmin, PASSWORD)
                .when().get(platform.apiUrl() + "/calls/" + crossing + ".json").then().statusCode(404);

        // a recording of the other tenant, made by a recorder that serves every tenant, is not overwritten
        UUID recorded = UUID.randomUUID();
        byte[] audio = new byte[10_000];
        new Random(3).nextBytes(audio);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType(ContentType.JSON)
                .body(callStarted(recorded, other.extensions().get(0))).when().post(recorderEventsUrl())
                .then().statusCode(202);
        String view = platform.apiUrl() + "/calls/" + recorded + ".json";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(otherAdmin, PASSWORD)
                .when().get(view).then().extract().statusCode() == 200);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(audio).when().put(audioUrl(recorded)).then().statusCode(201);
        given().auth().preemptive().basic(recorderLogin, PASSWORD).contentType("audio/mpeg").body(new byte[10_000])
                .when().put(audioUrl(recorded)).then().statusCode(404).body("error", equalTo("NotFound"));
        assertArrayEquals(audio, given().auth().preemptive().basic(otherAdmin, PASSWORD).when().get(view + "/file")
                .then().statusCode(200).extract().asByteArray());

        // the recorder's own call: in its tenant
        UUID own = UUID.randomUUID();
        given().auth().preemptive().basic(recorderLogin, PASSWORD).contentType(ContentType.JSON)
                .body(callStarted(own, outsideNumber())).when().post(recorderEventsUrl()).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorderTenant.equals(given().auth().preemptive()
                .basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).when()
                .get(platform.apiUrl() + "/calls/" + own + ".json").then().extract().path("call.tenant_id")));
    }

    /** A user of the tenant's group on a new role of the permissions (JSON), who may log in; its login. */
    private static String user(PlatformApi.TenantGroup scene, String name, String permissions) {
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "%s", "access_level": "system", "permissions": %s}}"""
                .formatted(scene.tenant(), name, permissions));
        String login = name.toLowerCase() + "-" + UUID.randomUUID();
        PlatformApi.create(platform, "users", """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "%s"}}}"""
                .formatted(name, scene.group(), role, login, PASSWORD));
        return login;
    }

    private static String callStarted(UUID call, String fromNumber) {
        return """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s", "to_number": "+15550100"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, fromNumber);
    }

    /** A number no user has: the call finds no tenant by it. */
    private static String outsideNumber() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static String recorderEventsUrl() {
        return platform.serviceUrl("gateway") + "/recorder/v1/events";
    }

    private static String audioUrl(UUID call) {
        return platform.serviceUrl("gateway") + "/recorder/v1/calls/" + call + "/files/1";
    }
}
