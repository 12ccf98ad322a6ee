package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Kafka stopped for 30 seconds while a recorder publishes calls and users change the directory, then started again:
 * nothing is lost and nothing applied twice. Recorders' own producers hold their events meanwhile; the services'
 * outboxes hold the directory's changes, and every replica (call-service, crypto-service, the gateway's credential
 * cache) learns each of them once the broker is back. Posting recorder events over HTTP answers 503 meanwhile, so
 * that the recorder knows to send them again; every service stays ready, as its API works without the broker.
 */
@ExtendWith(FaultPlatform.class)
class BrokerOutageFaultIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CALLS = 200;

    private static LocalPlatform platform;
    private static PlatformDatabase database;

    @BeforeAll
    static void platform() {
        platform = FaultPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void everyEventIsAppliedOnceAndEveryDirectoryChangeReachesEveryReplica() throws Exception {
        CallCenter center = CallCenter.create(platform, 4);
        String login = "watcher-" + UUID.randomUUID();
        UUID watcher = UUID.fromString(PlatformApi.create(platform, "users", """
                {"user": {"name": "Watcher", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "first-password"}}}"""
                .formatted(center.group(), center.role(), login)));
        signIn(login, "first-password", 200); // the gateway caches the verified credentials
        EmbeddedKafkaBroker broker = platform.embeddedKafka().orElseThrow();

        try (RecorderCalls recorder = new RecorderCalls(platform.kafkaBootstrapServers(), center.extensions())) {
            CompletableFuture<Void> published = recorder.publishInBackground(CALLS, Duration.ofSeconds(40));
            await().atMost(Duration.ofMinutes(1)).until(() -> database.storedCalls(recorder.recorderId()) >= 10);

            broker.stop();
            long outageStart = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                center.addAgent(platform);
            }
            given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                    .contentType(ContentType.JSON).body("""
                            {"user": {"fieldset_login": {"password": "second-password"}}}""")
                    .when().put(platform.apiUrl() + "/users/" + watcher + ".json")
                    .then().statusCode(200);
            postRecorderEvent(center, 503);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
            everyServiceStaysInItsLoadBalancer();
            broker.restart();

            published.get();
            StoredCalls.awaitEveryCallWholeAndOnce(platform, recorder, CALLS);
        }

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertEquals(createdMeanwhile(center).size(), database.knownUsers("calls", createdMeanwhile(center)));
            assertEquals(createdMeanwhile(center).size(), database.knownUsers("crypto", createdMeanwhile(center)));
        });
        // the gateway dropped the credentials it had cached: the old password no longer works, the new one does
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> signIn(login, "first-password", 401));
        signIn(login, "second-password", 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublished("directory") == 0);
        postRecorderEvent(center, 202);
    }

    /** Every service still reports itself ready and alive: on Kubernetes, its pods keep serving the API. */
    private static void everyServiceStaysInItsLoadBalancer() {
        for (String service : List.of("gateway", "directory-service", "call-service", "crypto-service")) {
            for (String check : List.of("/q/health/ready", "/q/health/live", "/q/health/started")) {
                Response health = given().when().get(platform.managementUrl(service) + check);
                assertEquals(200, health.statusCode(), service + check + ": " + health.asString());
            }
        }
    }

    /** The agents added while the broker was down: all but the first four. */
    private static List<UUID> createdMeanwhile(CallCenter center) {
        return center.agents().subList(4, center.agents().size());
    }

    private static void signIn(String login, String password, int status) {
        given().auth().preemptive().basic(login, password)
                .when().get(platform.apiUrl() + "/calls.json")
                .then().statusCode(status);
    }

    private static void postRecorderEvent(CallCenter center, int status) {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body("""
                        {"event_id": "%s", "type": "call.started", "occurred_at": "2026-06-01T10:00:00Z",
                         "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s"}}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                                center.extensions().get(0)))
                .when().post(platform.serviceUrl("gateway") + "/recorder/v1/events")
                .then().statusCode(status);
    }
}
