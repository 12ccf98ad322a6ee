package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.EmbeddedPostgresServer;

/**
 * PostgreSQL restarted (a fast shutdown, as a failover or a maintenance restart ends every session) in the middle of
 * an ingest burst: ingest waits and resumes by itself, every call is stored once and whole, nothing is set aside, and
 * every service answers again without a restart of its own.
 */
@ExtendWith(FaultPlatform.class)
class DatabaseRestartFaultIT {

    private static final int CALLS = 1_000;
    private static final List<String> INSTANCES = List.of("directory-service", "directory-service-2",
            "call-service", "call-service-2", "crypto-service", "gateway");

    private static LocalPlatform platform;
    private static PlatformDatabase database;

    @BeforeAll
    static void platform() {
        platform = FaultPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void ingestResumesByItselfAndEveryCallIsStoredOnce() throws Exception {
        CallCenter center = CallCenter.create(platform, 4);
        EmbeddedPostgresServer postgres = platform.embeddedPostgres().orElseThrow();
        try (RecorderCalls recorder = new RecorderCalls(platform.kafkaBootstrapServers(), center.extensions())) {
            CompletableFuture<Void> published = recorder.publishInBackground(CALLS, Duration.ofSeconds(20));
            await().atMost(Duration.ofMinutes(1)).until(() -> database.storedCalls(recorder.recorderId()) >= 100);

            assertTrue(database.storedCalls(recorder.recorderId()) < CALLS, "restarted in the middle of the burst");
            postgres.stop();
            // down until every instance that keeps data has noticed: each reports itself not ready
            for (String instance : INSTANCES.stream().filter(instance -> !instance.equals("gateway")).toList()) {
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given()
                        .when().get(platform.managementUrl(instance) + "/q/health/ready")
                        .then().statusCode(503));
            }
            postgres.restart();

            published.get();
            StoredCalls.awaitEveryCallWholeAndOnce(platform, recorder, CALLS);
        }

        for (String instance : INSTANCES) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given()
                    .when().get(platform.managementUrl(instance) + "/q/health/ready")
                    .then().statusCode(200));
        }
        // the directory takes changes again, and its replicas learn them
        UUID agent = center.addAgent(platform);
        await().atMost(Duration.ofMinutes(1)).until(() -> database.knownUsers("calls", List.of(agent)) == 1
                && database.knownUsers("crypto", List.of(agent)) == 1);
    }
}
