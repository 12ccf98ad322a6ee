package io.parley.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.parley.common.embedded.KafkaTopics;

/** The simulator's events reach a real broker on the recorders' topic, acknowledged, keyed by call. */
class RecorderPublisherTest {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafkaBroker.start(null, 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void publishedCallsAreOnTheRecordingEventsTopic() {
        Agent agent = new Agent(UUID.randomUUID(), UUID.randomUUID(), "Agent 1-1", "555010001");
        List<CallScript.Event> events = new CallScript(new Random(3), UUID.randomUUID()).call(agent, Instant.now());
        try (RecorderPublisher publisher = new RecorderPublisher(kafka.bootstrapServers())) {
            publisher.publish(events);
            publisher.confirm();
        }

        CallScript.Event last = events.get(events.size() - 1);
        ConsumerRecord<String, String> received = KafkaTopics.await(kafka.bootstrapServers(), RecorderPublisher.TOPIC,
                last.value()::equals, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(last.key(), received.key());
    }
}
