package io.parley.call.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.contract.AsyncApiContract;
import io.parley.common.events.CallEvents;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.ProvisioningRequests;
import io.parley.common.events.RecorderCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every event call-service publishes is one the AsyncAPI document describes (contract/asyncapi.yaml): each type of
 * {@code call.events}, {@code recorder.commands} and {@code directory.provisioning}, caused through the API and the
 * recorders' entry point, and the recorder events it publishes on {@code recording.events} for them.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.ofRepository();
    private static final UUID RECORDER = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private final String recorder = Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(),
            Set.of("recorder:publish"), "UTC");
    private final String root = Callers.token(UUID.randomUUID(), UUID.randomUUID(), "root", List.of(),
            Set.of("calls:view", "calls:delete", "calls:pause_recording"), "UTC");

    @Test
    void callEventsOfEveryTypeAreAsTheContractDescribes() throws Exception {
        UUID call = UUID.randomUUID();
        byte[] audio = "audio of the call".getBytes(StandardCharsets.UTF_8);
        post(call, "call.started", "\"call\": {\"call_id\": \"" + call + "\", \"call_state\": 1, \"voip_protocol\": 1,"
                + " \"from_number\": \"100\", \"participants\": [{\"participant_id\": \"1\", \"party_direction\": 1,"
                + " \"party_number\": \"100\"}]}");
        awaitTypes(CallEvents.TOPIC, call, CallEvents.CALL_CREATED);
        post(call, "call.updated", "\"call\": {\"call_id\": \"" + call + "\", \"to_number\": \"102\"}");
        awaitTypes(CallEvents.TOPIC, call, CallEvents.CALL_CREATED, CallEvents.CALL_UPDATED);
        post(call, "file.completed", "\"call_id\": \"" + call + "\", \"file\": {\"file_id\": \"1\", \"file_size\": "
                + (audio.length + 1) + ", \"watermark\": \"" + sha1(audio) + "\"}");
        given().auth().oauth2(recorder).contentType("audio/mpeg").body(audio)
                .when().put("/recorder/v1/calls/" + call + "/files/1").then().statusCode(201);
        awaitTypes(CallEvents.TOPIC, call, CallEvents.CALL_CREATED, CallEvents.CALL_UPDATED,
                CallEvents.FILE_MISMATCHED);
        given().auth().oauth2(root).when().delete("/api/v2/calls/" + call + ".json").then().statusCode(200);

        CONTRACT.assertDescribe(awaitTypes(CallEvents.TOPIC, call, CallEvents.CALL_CREATED, CallEvents.CALL_UPDATED,
                CallEvents.FILE_MISMATCHED, CallEvents.CALL_DELETED));
        CONTRACT.assertDescribe(awaitTypes("recording.events", call, "call.started", "call.updated",
                "file.completed"));
    }

    @Test
    void recorderCommandsAreAsTheContractDescribes() throws Exception {
        UUID call = UUID.randomUUID();
        post(call, "call.started", "\"call\": {\"call_id\": \"" + call + "\", \"call_state\": 1}");
        awaitTypes(CallEvents.TOPIC, call, CallEvents.CALL_CREATED);

        for (String action : List.of("mute", "unmute")) {
            given().auth().oauth2(root).queryParam("action", action)
                    .when().post("/api/v2/calls/" + call + ".json/muting").then().statusCode(200);
        }

        CONTRACT.assertDescribe(awaitTypes(RecorderCommands.TOPIC, call, RecorderCommands.CALL_MUTE,
                RecorderCommands.CALL_UNMUTE));
    }

    @Test
    void provisioningRequestsAreAsTheContractDescribes() throws Exception {
        String host = "provision-" + number() + ".example.com";
        UUID tenant = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), """
                {"specversion": "1.0", "id": "%s", "source": "/parley/directory-service", "type": "tenant.created",
                 "subject": "%s", "time": "2026-03-01T09:00:00Z", "datacontenttype": "application/json",
                 "tenantid": "%s", "revision": 1, "dataversion": 1,
                 "data": {"tenant": {"tenant_id": "%s", "name": "Tenant %s", "fieldset_associate_calls": {
                   "associate_calls": "sip_uri_host", "sip_uri_host": "%s", "record_unknown_users": "record",
                   "auto_provision": true, "provision_group_id": "%s", "provision_role_id": "%s"}},
                  "system_tenant": false}}
                """.formatted(UUID.randomUUID(), tenant, tenant, tenant, tenant, host, UUID.randomUUID(),
                UUID.randomUUID()));
        Rows.awaitFirst(dataSource, "SELECT * FROM known_tenant WHERE id = ?", tenant);

        UUID call = UUID.randomUUID();
        post(call, "call.started", "\"call\": {\"call_id\": \"" + call + "\", \"from_id\": \"1@" + host + "\","
                + " \"participants\": [{\"participant_id\": \"1\", \"party_type\": 1, \"party_number\": \""
                + number() + "\", \"party_name\": \"Dana Agent\"}]}");

        CONTRACT.assertDescribe(awaitTypes(ProvisioningRequests.TOPIC, tenant, ProvisioningRequests.USER_REQUESTED));
    }

    /** Posts a recorder event about the call as a recorder that serves every tenant does. */
    private void post(UUID call, String type, String fields) {
        given().auth().oauth2(recorder).contentType(ContentType.JSON).body("{\"event_id\": \"" + UUID.randomUUID()
                + "\", \"type\": \"" + type + "\", \"occurred_at\": \"2026-03-01T10:00:00Z\", \"recorder_id\": \""
                + RECORDER + "\", " + fields + "}")
                .when().post("/recorder/v1/events").then().statusCode(202);
    }

    /** The records of the topic keyed by {@code key}, once they hold every type given (and perhaps more). */
    private List<ConsumerRecord<String, String>> awaitTypes(String topic, UUID key, String... types) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTopics.all(kafka, topic).stream().filter(record -> key.toString().equals(record.key()))
                        .toList(),
                records -> AsyncApiContract.typesOf(records).containsAll(List.of(types)));
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private static String number() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
