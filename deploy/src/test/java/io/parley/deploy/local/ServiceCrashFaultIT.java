package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Services killed with SIGKILL, as a crash or an evicted pod ends, and started again: nothing they had taken on is
 * lost or done twice. Ingest picks up from the last committed batch; a change the directory committed but had not
 * published yet is published after the restart, and has its effect downstream once.
 */
@ExtendWith(FaultPlatform.class)
class ServiceCrashFaultIT {

    private static final int CALLS = 1_000;
    private static final Duration READY = Duration.ofMinutes(3);

    private static LocalPlatform platform;
    private static PlatformDatabase database;

    @BeforeAll
    static void platform() {
        platform = FaultPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void callServiceKilledInTheMiddleOfABurstStoresEveryCallOnceAfterItsRestart() throws Exception {
        CallCenter center = CallCenter.create(platform, 4);
        List<ServiceProcess> callService = List.of(platform.service("call-service"),
                platform.service("call-service-2"));
        try (RecorderCalls recorder = new RecorderCalls(platform.kafkaBootstrapServers(), center.extensions())) {
            CompletableFuture<Void> published = recorder.publishInBackground(CALLS, Duration.ofSeconds(20));
            await().atMost(Duration.ofMinutes(1)).until(() -> database.storedCalls(recorder.recorderId()) >= 100);

            callService.forEach(ServiceProcess::kill);
            assertTrue(database.storedCalls(recorder.recorderId()) < CALLS, "killed in the middle of the burst");
            callService.forEach(ServiceProcess::start);
            callService.forEach(instance -> instance.awaitReady(READY));

            published.get();
            StoredCalls.awaitEveryCallWholeAndOnce(platform, recorder, CALLS);
        }
    }

    @Test
    void aChangeCommittedButNotPublishedWhenTheDirectoryIsKilledIsPublishedOnceAfterItsRestart() {
        EmbeddedKafkaBroker broker = platform.embeddedKafka().orElseThrow();
        List<ServiceProcess> directory = List.of(platform.service("directory-service"),
                platform.service("directory-service-2"));
        String name = "Committed " + UUID.randomUUID();

        // with the broker away the relay cannot publish: the change is committed and waits in the outbox
        broker.stop();
        UUID tenant;
        try {
            tenant = UUID.fromString(PlatformApi.create(platform, "tenants", """
                    {"tenant": {"name": "%s"}}""".formatted(name)));
            assertEquals(1, database.unpublishedAbout("directory", tenant), "the change waits in the outbox");
            directory.forEach(ServiceProcess::kill);
        } finally {
            broker.restart();
        }
        directory.forEach(ServiceProcess::start);
        directory.forEach(instance -> instance.awaitReady(READY));

        await().atMost(Duration.ofMinutes(1)).until(() -> database.knowsTenant("crypto", tenant, name)
                && database.knowsTenant("calls", tenant, name));
        assertEquals(0, database.unpublishedAbout("directory", tenant));
        // one event, however often the relay sent it: consumers apply an event id once
        assertEquals(1, KafkaTopics.all(platform.kafkaBootstrapServers(), DirectoryEvents.TOPIC).stream()
                .filter(record -> record.key().equals(tenant.toString())
                        && record.value().contains(DirectoryEvents.TENANT_CREATED))
                .map(record -> JsonPath.from(record.value()).getString("id"))
                .distinct().count());
        // its effect downstream: crypto-service knows the tenant, and makes it a key
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body("""
                        {"encrypt_key": {"name": "After the crash", "tenant_id": "%s", "add_type": "generate",
                         "key_length": 2048}}""".formatted(tenant))
                .when().post(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(201);
    }
}
