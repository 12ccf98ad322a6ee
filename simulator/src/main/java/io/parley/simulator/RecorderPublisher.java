package io.parley.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.parley.common.events.recording.RecordingEvent;

/**
 * Publishes recorder events on {@code recording.events}, as a recorder does: keyed by call id, acknowledged by all
 * in-sync replicas. Sends are asynchronous; {@link #confirm} waits for the broker to acknowledge what was sent, and
 * fails when it did not.
 */
final class RecorderPublisher implements AutoCloseable {

    static final String TOPIC = RecordingEvent.TOPIC;

    private final KafkaProducer<String, String> producer;
    private final List<Future<RecordMetadata>> unconfirmed = new ArrayList<>();

    RecorderPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer());
    }

    void publish(List<CallScript.Event> events) {
        for (CallScript.Event event : events) {
            unconfirmed.add(producer.send(new ProducerRecord<>(TOPIC, event.key(), event.value())));
        }
    }

    /** Waits until the broker acknowledged every event published so far. */
    void confirm() {
        producer.flush();
        try {
            for (Future<RecordMetadata> sent : unconfirmed) {
                sent.get(60, TimeUnit.SECONDS);
            }
            unconfirmed.clear();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge recorder events: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
