package io.parley.deploy.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of call-service and of directory-service share their work: ingest's partitions through Kafka's
 * consumer group, the outbox relay through a lock (one relay of a service at a time). One instance killed in the
 * middle of the work: the other takes its share over, and nothing is lost or done twice.
 */
@ExtendWith(FaultPlatform.class)
class ScaledOutFaultIT {

    private static final int CALLS = 1_000;
    private static final String INGEST_GROUP = "call-service-ingest";
    private static final Duration READY = Duration.ofMinutes(3);

    private static LocalPlatform platform;
    private static PlatformDatabase database;

    @BeforeAll
    static void platform() {
        platform = FaultPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void theOtherCallServiceTakesOverTheIngestOfAKilledOne() throws Exception {
        CallCenter center = CallCenter.create(platform, 4);
        ServiceProcess second = platform.service("call-service-2");
        try (RecorderCalls recorder = new RecorderCalls(platform.kafkaBootstrapServers(), center.extensions())) {
            CompletableFuture<Void> published = recorder.publishInBackground(CALLS, Duration.ofSeconds(20));
            await().atMost(Duration.ofMinutes(1)).until(() -> database.storedCalls(recorder.recorderId()) >= 100);
            await().atMost(Duration.ofMinutes(1)).until(() -> ingestConsumers() == 4); // two instances of two each

            second.kill();
            assertTrue(database.storedCalls(recorder.recorderId()) < CALLS, "killed in the middle of the burst");

            published.get();
            StoredCalls.awaitEveryCallWholeAndOnce(platform, recorder, CALLS);
            await().atMost(Duration.ofMinutes(1)).until(() -> ingestConsumers() == 2); // the killed one's left
        } finally {
            restartIfKilled(second);
        }
    }

    @Test
    void everyDirectoryChangeIsPublishedOnceWhileOneOfTwoDirectoriesIsKilled() {
        CallCenter center = CallCenter.create(platform, 0);
        ServiceProcess second = platform.service("directory-service-2");
        try {
            for (int i = 0; i < 40; i++) {
                center.addAgent(platform);
                if (i == 20) {
                    second.kill();
                }
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> database.knownUsers("calls", center.agents()) == 40
                    && database.knownUsers("crypto", center.agents()) == 40);
            await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublished("directory") == 0);
        } finally {
            restartIfKilled(second);
        }
    }

    private static void restartIfKilled(ServiceProcess instance) {
        if (!instance.running()) {
            instance.start();
            instance.awaitReady(READY);
        }
    }

    /** The members of call-service's ingest consumer group. */
    private static int ingestConsumers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(INGEST_GROUP)).all().get(30, TimeUnit.SECONDS)
                    .get(INGEST_GROUP).members().size();
        }
    }
}
