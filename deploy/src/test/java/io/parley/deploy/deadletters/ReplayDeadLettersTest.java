package io.parley.deploy.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.parley.common.embedded.KafkaTopics;

/** Dead letters go back to the topics they came from, once, as they were before they were set aside. */
class ReplayDeadLettersTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(null, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void eachRecordGoesBackToItsTopicWithoutTheDeadLetterHeadersAndASecondRunReplaysNothing() {
        String topic = "events-" + UUID.randomUUID();
        String deadLetters = topic + ".dlq.test";
        setAside(deadLetters, topic, "k1", "{\"event_id\": \"1\"}");
        setAside(deadLetters, topic, "k2", "{\"event_id\": \"2\"}");

        assertEquals(new ReplayDeadLetters.Outcome(2, 0), replay(deadLetters, false));
        List<ConsumerRecord<String, String>> replayed = KafkaTopics.all(broker.bootstrapServers(), topic);
        assertEquals(Map.of("k1", "{\"event_id\": \"1\"}", "k2", "{\"event_id\": \"2\"}"), Map.of(
                replayed.get(0).key(), replayed.get(0).value(), replayed.get(1).key(), replayed.get(1).value()));
        for (ConsumerRecord<String, String> record : replayed) {
            assertEquals("request-1", new String(record.headers().lastHeader("X-Request-Id").value(),
                    StandardCharsets.UTF_8));
            assertNull(record.headers().lastHeader("dead-letter-reason"));
            assertNull(record.headers().lastHeader("dead-letter-topic"));
        }

        assertEquals(new ReplayDeadLetters.Outcome(0, 0), replay(deadLetters, false));
        assertEquals(2, KafkaTopics.all(broker.bootstrapServers(), topic).size());
    }

    @Test
    void aDryRunListsTheRecordsAndReplaysNone() {
        String topic = "events-" + UUID.randomUUID();
        String deadLetters = topic + ".dlq.test";
        setAside(deadLetters, topic, "k1", "{}");

        assertEquals(new ReplayDeadLetters.Outcome(1, 0), replay(deadLetters, true));
        assertTrue(KafkaTopics.all(broker.bootstrapServers(), topic).isEmpty());
        assertEquals(new ReplayDeadLetters.Outcome(1, 0), replay(deadLetters, false));
    }

    @Test
    void aDeadLetterWhoseValueWasLeftOutIsSkipped() {
        String topic = "events-" + UUID.randomUUID();
        String deadLetters = topic + ".dlq.test";
        setAside(deadLetters, topic, "k1", "", Map.of("dead-letter-value-left-out", "true"));
        setAside(deadLetters, topic, "k2", "{}", Map.of());

        assertEquals(new ReplayDeadLetters.Outcome(1, 1), replay(deadLetters, false));
        assertEquals(List.of("k2"), KafkaTopics.all(broker.bootstrapServers(), topic).stream()
                .map(ConsumerRecord::key).toList());
    }

    @Test
    void clientSettingsComeFromACommandConfigFileAsForKafkasTools(@TempDir Path directory) throws IOException {
        Path settings = directory.resolve("client.properties");
        Files.writeString(settings, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        String topic = "events-" + UUID.randomUUID();
        String deadLetters = topic + ".dlq.test";
        setAside(deadLetters, topic, "k1", "{}", Map.of());

        ReplayDeadLetters replay = ReplayDeadLetters.fromArguments(List.of(deadLetters, "--bootstrap-servers",
                broker.bootstrapServers(), "--command-config", settings.toString()), Map.of(), System.out)
                .orElseThrow();

        // the broker speaks plaintext: a client told to use SASL_SSL cannot reach it, which shows the file was read
        assertThrows(RuntimeException.class, replay::run);
    }

    @Test
    void theCommandNeedsTheDeadLetterTopic() {
        assertTrue(ReplayDeadLetters.fromArguments(List.of("--dry-run"), Map.of(), System.out).isEmpty());
        assertTrue(ReplayDeadLetters.fromArguments(List.of("t.dlq", "--bootstrap-servers"), Map.of(), System.out)
                .isEmpty());
    }

    private ReplayDeadLetters.Outcome replay(String deadLetters, boolean dryRun) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = dryRun ? List.of(deadLetters, "--dry-run", "--bootstrap-servers", broker.bootstrapServers())
                : List.of(deadLetters, "--bootstrap-servers", broker.bootstrapServers());
        return ReplayDeadLetters.fromArguments(args, Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8))
                .orElseThrow().run();
    }

    /** A record as a consumer sets it aside: its original headers, then the dead-letter ones. */
    private static void setAside(String deadLetters, String origin, String key, String value) {
        setAside(deadLetters, origin, key, value, Map.of());
    }

    private static void setAside(String deadLetters, String origin, String key, String value,
            Map<String, String> moreHeaders) {
        KafkaTopics.create(broker.bootstrapServers(), deadLetters);
        KafkaTopics.create(broker.bootstrapServers(), origin);
        RecordHeaders headers = new RecordHeaders();
        headers.add("X-Request-Id", bytes("request-1"));
        headers.add("dead-letter-reason", bytes("The database refused the event: SQLSTATE 54000"));
        headers.add("dead-letter-topic", bytes(origin));
        headers.add("dead-letter-partition", bytes("0"));
        headers.add("dead-letter-offset", bytes("7"));
        moreHeaders.forEach((name, headerValue) -> headers.add(name, bytes(headerValue)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(deadLetters, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
