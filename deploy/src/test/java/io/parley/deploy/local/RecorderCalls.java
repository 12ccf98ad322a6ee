package io.parley.deploy.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A recorder publishing whole calls on {@code recording.events} as a real one does through an outage: its producer
 * holds what the broker cannot take yet and sends it once the broker is back (for up to five minutes). Every call is
 * an agent's extension talking with an outside number in four events: {@code call.started} with both participants,
 * {@code call.updated} when answered, {@code file.completed} and {@code call.ended}.
 */
final class RecorderCalls implements AutoCloseable {

    static final String TOPIC = "recording.events";
    static final int EVENTS_PER_CALL = 4;

    private final UUID recorderId = UUID.randomUUID();
    private final List<String> extensions;
    private final KafkaProducer<String, String> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    private final List<UUID> calls = new ArrayList<>();
    private final List<UUID> events = new ArrayList<>();

    RecorderCalls(String bootstrapServers, List<String> extensions) {
        this.extensions = extensions;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000), new StringSerializer(), new StringSerializer());
    }

    /** The recorder every call of this one is published by: the calls' {@code recorder_id}. */
    UUID recorderId() {
        return recorderId;
    }

    /**
     * Publishes {@code count} calls in a background thread, spread evenly over {@code over} (all at once for zero).
     * The future completes when the broker has acknowledged every event.
     */
    CompletableFuture<Void> publishInBackground(int count, Duration over) {
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                publishCall(i);
                long due = start + over.toNanos() * (i + 1) / count;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(Duration.ofNanos(wait));
                }
            }
            awaitAcknowledged();
        });
    }

    /** The ids of the calls published so far. */
    synchronized List<UUID> calls() {
        return List.copyOf(calls);
    }

    /** The ids of the events published so far. */
    synchronized List<UUID> events() {
        return List.copyOf(events);
    }

    private void publishCall(int number) {
        UUID call = UUID.randomUUID();
        String agent = extensions.get(number % extensions.size());
        String outside = "+1555" + String.format("%07d", number);
        Instant setup = Instant.parse("2026-06-01T09:00:00Z").plusSeconds(number);
        List<ProducerRecord<String, String>> records = List.of(
                event(call, "call.started", setup, """
                        "call": {"call_id": "%s", "from_number": "%s", "to_number": "%s", "setup_time": "%s",
                         "call_state": 3, "voip_protocol": 1, "participants": [
                          {"participant_id": "1", "party_direction": 1, "party_type": 1, "party_number": "%s"},
                          {"participant_id": "2", "party_direction": 2, "party_type": 2, "party_number": "%s"}]}"""
                        .formatted(call, agent, outside, setup, agent, outside)),
                event(call, "call.updated", setup.plusSeconds(5), """
                        "call": {"call_id": "%s", "call_state": 4, "connect_time": "%s"}"""
                        .formatted(call, setup.plusSeconds(5))),
                event(call, "file.completed", setup.plusSeconds(65), """
                        "call_id": "%s", "file": {"file_id": "1", "start_time": "%s", "stop_time": "%s",
                         "file_size": 960000}""".formatted(call, setup.plusSeconds(5), setup.plusSeconds(65))),
                event(call, "call.ended", setup.plusSeconds(66), """
                        "call": {"call_id": "%s", "call_state": 6, "record_state": 30, "disconnect_time": "%s"}"""
                        .formatted(call, setup.plusSeconds(66))));
        synchronized (this) {
            calls.add(call);
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
        }
    }

    private ProducerRecord<String, String> event(UUID call, String type, Instant at, String body) {
        UUID event = UUID.randomUUID();
        synchronized (this) {
            events.add(event);
        }
        return new ProducerRecord<>(TOPIC, call.toString(), """
                {"event_id": "%s", "type": "%s", "occurred_at": "%s", "recorder_id": "%s", %s}"""
                .formatted(event, type, at, recorderId, body));
    }

    private void awaitAcknowledged() {
        producer.flush();
        List<Future<RecordMetadata>> all;
        synchronized (this) {
            all = List.copyOf(sent);
        }
        try {
            for (Future<RecordMetadata> acknowledgement : all) {
                acknowledgement.get(5, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge a recorder event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
