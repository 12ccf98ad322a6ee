package io.parley.call.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.LogCapture;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.common.events.RecorderCommands;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.events.outbox.OutboxLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The outbox relay (common/events) with the real broker and database: an event leaves the outbox only once Kafka
 * acknowledged it; one Kafka refuses is parked with the later events of its key, while everything else goes on, and
 * goes out, in order, once Kafka takes it. Each topic is relayed on its own, and each service's outbox has its own
 * locks. Nothing committed is lost.
 */
@QuarkusTest
class OutboxDeliveryTest {

    /** Kafka's largest record by default, which the relay's producer refuses to send. */
    private static final int ONE_MIB = 1 << 20;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final List<String> topics = new ArrayList<>();

    @AfterEach
    void removeWhatIsLeft() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement remove = connection.prepareStatement("DELETE FROM outbox_event WHERE topic = ANY (?)")) {
            remove.setArray(1, connection.createArrayOf("text", topics.toArray()));
            remove.executeUpdate();
        }
    }

    @Test
    void anEventKafkaCannotTakeIsParkedWithTheLaterEventsOfItsKeyAndEverythingElseGoesOutOnce() throws Exception {
        String topic = topic(Map.of());
        String key = "client-" + UUID.randomUUID();
        String padding = "too-large-".repeat(2 * ONE_MIB / 10);
        try (LogCapture relayLog = LogCapture.of("io.parley.common.events.outbox")) {
            UUID before = publish(topic, message("other-" + UUID.randomUUID(), "small"));
            List<UUID> refusedBatch = publish(topic, List.of(
                    message(key, padding),
                    message(key, "small, after the large one"),
                    message("other-" + UUID.randomUUID(), "small, in the batch of the large one")));
            UUID refused = refusedBatch.get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> parked(List.of(refused)) == 1);
            UUID after = publish(topic, message("other-" + UUID.randomUUID(), "small, after the large one"));
            UUID later = publish(topic, message(key, "small, committed after the large one was parked"));

            List<UUID> parked = List.of(refused, refusedBatch.get(1), later);
            List<UUID> published = List.of(before, refusedBatch.get(2), after);
            await().atMost(Duration.ofSeconds(30)).until(() -> parked(parked) == 3 && stored(published) == 0);
            // the parked one was offered again and refused again, and nothing went out twice meanwhile
            await().atMost(Duration.ofSeconds(30)).until(() -> relayLog.lines().stream()
                    .anyMatch(line -> line.contains(refused.toString()) && line.contains("still refused")));
            List<ConsumerRecord<String, String>> records = records(topic);
            for (UUID event : published) {
                assertEquals(1, records.stream().filter(record -> record.value().contains(event.toString())).count(),
                        "sent exactly once: " + event);
            }
            assertTrue(records.stream().noneMatch(record -> record.key().equals(key)), "no event of the key overtook");

            String refusal = relayLog.lines().stream()
                    .filter(line -> line.contains(refused.toString()) && line.startsWith("Kafka refused")).findFirst()
                    .orElseThrow();
            assertTrue(refusal.contains(key) && refusal.contains(topic) && refusal.contains("RecordTooLargeException"),
                    refusal);
            assertTrue(relayLog.lines().stream().anyMatch(line -> line.contains(later.toString())
                    && line.contains("behind parked event " + refused)));
            assertTrue(relayLog.lines().stream().noneMatch(line -> line.contains("too-large-")), "never the payload");

            JsonPath health = given().when().get(ready).then().statusCode(200).extract().jsonPath();
            Map<String, Object> outboxHealth = health.getMap("checks.find { it.name == 'outbox' }.data");
            assertEquals(3, outboxHealth.get("parked"));
            assertEquals(refused.toString(), outboxHealth.get("oldest_parked_event_id"));
            assertEquals(topic, outboxHealth.get("oldest_parked_topic"));
            assertEquals(key, outboxHealth.get("oldest_parked_key"));
            assertTrue(((String) outboxHealth.get("oldest_parked_reason")).startsWith("RecordTooLargeException"));
            assertEquals("UP", health.getString("status"), "parked events leave the service ready");
        }
    }

    @Test
    void parkedEventsGoOutInTheirOrderOnceTheTopicTakesThem() throws Exception {
        // what the relay's producer sends (up to 1 MiB), the topic does not take; it takes the producer's batches
        String topic = topic(Map.of("max.message.bytes", String.valueOf(600 * 1024)));
        String key = "client-" + UUID.randomUUID();
        List<UUID> refusedBatch = publish(topic, List.of(
                message(key, "x".repeat(800 * 1024)),
                message(key, "small, after the large one"),
                message("other-" + UUID.randomUUID(), "small")));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(refusedBatch.subList(0, 2)) == 2
                && stored(refusedBatch.subList(2, 3)) == 0);
        UUID later = publish(topic, message(key, "small, committed after the large one was parked"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(List.of(later)) == 1);

        // the operator raises the topic's limit to the producer's
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }

        List<UUID> ofTheKey = List.of(refusedBatch.get(0), refusedBatch.get(1), later);
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(ofTheKey) == 0);
        List<UUID> sent = records(topic).stream().filter(record -> record.key().equals(key))
                .map(record -> ofTheKey.stream().filter(id -> record.value().contains(id.toString())).findFirst()
                        .orElseThrow())
                .toList();
        assertEquals(ofTheKey, sent);
    }

    @Test
    void aRecorderCommandDoesNotWaitBehindTheBacklogOfAnotherTopic() throws Exception {
        String backlogTopic = topic(Map.of());
        KafkaTopics.create(kafka, RecorderCommands.TOPIC);
        List<UUID> backlog = publish(backlogTopic, IntStream.range(0, 5_000)
                .mapToObj(i -> message(UUID.randomUUID().toString(), "call document ".repeat(80))).toList());
        UUID command = QuarkusTransaction.requiringNew().call(() -> outbox.publish(RecorderCommands.TOPIC,
                UUID.randomUUID().toString(), RecorderCommands.CALL_MUTE, RecorderCommands.VERSION, null,
                Map.of("note", "muted while call documents wait")));

        long backlogWhenSent = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> commandAndBacklog(command, backlogTopic), counts -> counts[0] == 0)[1];
        assertTrue(backlogWhenSent > 0, "the command went out before the backlog did");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(backlog) == 0);
    }

    @Test
    void eventsGoOutAsCloudEventsAndOnesRecordedBeforeInTheirOwnEnvelope() throws Exception {
        String topic = topic(Map.of());
        UUID versionOne = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event"
                        + " (event_id, topic, message_key, payload, created_at) VALUES (?, ?, 'old', ?, now())")) {
            insert.setObject(1, versionOne);
            insert.setString(2, topic);
            insert.setString(3, """
                    {"event_id": "%s", "type": "test.changed", "version": 1, "occurred_at": "2026-11-28T12:36:45+0000",
                     "tenant_id": null, "data": {"text": "recorded before the upgrade"}}""".formatted(versionOne));
            insert.executeUpdate();
        }
        UUID cloudEvent = publish(topic, message("new", "recorded after"));

        ConsumerRecord<String, String> old = KafkaTopics.await(kafka, topic,
                value -> value.contains(versionOne.toString()), Duration.ofSeconds(30)).orElseThrow();
        assertNull(old.headers().lastHeader("content-type"), "a version 1 event is no CloudEvent");
        ConsumerRecord<String, String> now = KafkaTopics.await(kafka, topic,
                value -> value.contains(cloudEvent.toString()), Duration.ofSeconds(30)).orElseThrow();
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(now.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        JsonPath event = JsonPath.from(now.value());
        assertEquals("1.0", event.getString("specversion"));
        assertEquals("/parley/call-service", event.getString("source"));
        assertEquals("new", event.getString("subject"));
        assertEquals(1, event.getInt("dataversion"));
        assertEquals("recorded after", event.getString("data.text"));
    }

    @Test
    void aServiceRelaysItsOutboxWhileAnotherServiceHoldsTheLockOfTheSameTopic() throws Exception {
        String topic = topic(Map.of());
        try (Connection otherService = dataSource.getConnection()) {
            otherService.setAutoCommit(false);
            try {
                inAnotherSchema(otherService);
                assertTrue(OutboxLock.tryLock(otherService, topic));

                UUID event = publish(topic, message("key-" + UUID.randomUUID(), "small"));
                await().atMost(Duration.ofSeconds(30)).until(() -> stored(List.of(event)) == 0);
            } finally {
                otherService.rollback();
            }
        }
    }

    @Test
    void instancesOfOneServiceTakeTurnsOnATopicAndRelayOtherTopicsSideBySide() throws SQLException {
        String topic = "outbox.test." + UUID.randomUUID();
        try (Connection instance = dataSource.getConnection();
                Connection otherInstance = dataSource.getConnection();
                Connection otherService = dataSource.getConnection()) {
            instance.setAutoCommit(false);
            otherInstance.setAutoCommit(false);
            otherService.setAutoCommit(false);
            try {
                inAnotherSchema(otherService);
                assertTrue(OutboxLock.tryLock(instance, topic));
                assertFalse(OutboxLock.tryLock(otherInstance, topic));
                assertTrue(OutboxLock.tryLock(otherInstance, RecorderCommands.TOPIC));
                assertTrue(OutboxLock.tryLock(otherService, topic));
            } finally {
                instance.rollback();
                otherInstance.rollback();
                otherService.rollback();
            }
        }
    }

    @Test
    void pendingEventsTheirAgeAndParkedEventsAreShownAsGauges() throws Exception {
        String topic = topic(Map.of());
        Map<String, String> lane = Map.of("topic", topic, "service", "call-service");
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try {
                // another instance's relay holds the lane: the event waits
                assertTrue(OutboxLock.tryLock(otherInstance, topic));
                publish(topic, message("key-" + UUID.randomUUID(), "small"));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    ScrapedMetrics scraped = ScrapedMetrics.of(metrics);
                    return scraped.value("parley_outbox_pending", lane) == 1
                            && scraped.value("parley_outbox_oldest_pending_age_seconds", Map.of()) > 0;
                });
            } finally {
                otherInstance.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ScrapedMetrics.of(metrics).value("parley_outbox_pending", lane) == 0);

        UUID refused = publish(topic, message("key-" + UUID.randomUUID(), "too-large-".repeat(2 * ONE_MIB / 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(List.of(refused)) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ScrapedMetrics.of(metrics).value("parley_outbox_parked", Map.of()) >= 1);
    }

    /** Another service's schema in the same database, for the rest of the connection's transaction. */
    private static void inAnotherSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO public");
        }
    }

    /** A new topic, created beforehand as production does, whose outbox rows are removed after the test. */
    private String topic(Map<String, String> config) throws Exception {
        String topic = "outbox.test." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(config))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        topics.add(topic);
        return topic;
    }

    private static Outbox.Message message(String key, String text) {
        return new Outbox.Message(key, "test.changed", null, Map.of("text", text));
    }

    private UUID publish(String topic, Outbox.Message message) {
        return publish(topic, List.of(message)).get(0);
    }

    private List<UUID> publish(String topic, List<Outbox.Message> messages) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(topic, 1, messages));
    }

    private long stored(List<UUID> events) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE event_id = ANY (?)", events);
    }

    private long parked(List<UUID> events) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE event_id = ANY (?) AND parked_at IS NOT NULL", events);
    }

    /** Whether the command is still in the outbox, and how many events of the backlog are, at one instant. */
    private long[] commandAndBacklog(UUID command, String backlogTopic) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FILTER (WHERE event_id = ?),"
                        + " count(*) FILTER (WHERE topic = ?) FROM outbox_event")) {
            count.setObject(1, command);
            count.setString(2, backlogTopic);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new long[] { rows.getLong(1), rows.getLong(2) };
            }
        }
    }

    private long count(String sql, List<UUID> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setArray(1, connection.createArrayOf("uuid", events.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every record of the topic, each partition in its order. */
    private List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertTrue(System.nanoTime() < deadline, "the topic could not be read to its end");
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
