package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CallEvents;
import io.parley.common.events.RecorderCommands;
import io.restassured.http.ContentType;

/**
 * Recorders through the real gateway: a recorder account posts its events over HTTP, call-service stores the call
 * and publishes it on {@code call.events}; muting the call through the API sends its recorder a command.
 */
@ExtendWith(SharedPlatform.class)
class RecorderEndToEndTest {

    private static final String PASSWORD = "recorder-password";

    private static LocalPlatform platform;
    private static String recorderLogin;

    @BeforeAll
    static void recorderAccount() {
        platform = SharedPlatform.platform();
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Recorders " + UUID.randomUUID() + "\"", "Recorders");
        String tenant = scene.tenant();
        String group = scene.group();
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Recorder", "access_level": "system",
                 "permissions": {"recorder": ["publish"]}}}""".formatted(tenant));
        recorderLogin = "recorder-" + UUID.randomUUID();
        PlatformApi.create(platform, "users", """
                {"user": {"name": "Recorder", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "%s"}}}"""
                .formatted(group, role, recorderLogin, PASSWORD));
    }

    @Test
    void recorderPostsACallStartedAndTheCallIsPublishedThenMutingItCommandsTheRecorder() {
        UUID call = UUID.randomUUID();
        given().auth().preemptive().basic(recorderLogin, PASSWORD).contentType(ContentType.JSON).body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "100", "to_number": "102"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call))
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

    private static String recorderEventsUrl() {
        return platform.serviceUrl("gateway") + "/recorder/v1/events";
    }
}
