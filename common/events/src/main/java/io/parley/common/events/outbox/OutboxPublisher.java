package io.parley.common.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import io.parley.common.api.request.RequestIds;
import io.parley.common.events.StructuredCloudEvent;
import io.parley.common.events.tracing.EventTraces;

/**
 * Sends events of one topic so that the events of one key never overtake one another, even when Kafka refuses one:
 * the next event of a key is sent only once Kafka acknowledged the one before, while different keys go side by side
 * (one round trip for a batch whose keys all differ). It starts no round once the send timeout has passed since the
 * first, so that sending a batch takes at most twice that: the events it did not send are left for the next batch.
 *
 * <p>
 * An event Kafka can never accept (too large, invalid) is refused: it and the later events of its key are to be
 * parked. Any other failure (broker unreachable, timeout, too few replicas, not authorized) may pass: sending stops,
 * and what was not acknowledged is sent again later.
 */
final class OutboxPublisher {

    private static final int MAX_REASON = 500;
    private static final byte[] CONTENT_TYPE = StructuredCloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    /** How the outbox writes a CloudEvent: its first attribute is {@code specversion}. */
    private static final String CLOUD_EVENT_START = "{\"specversion\":";

    /**
     * What became of a lane's events: each one is acknowledged, refused, parked behind a refused one, or left for
     * later (after a failure, or when time ran out).
     */
    record Outcome(List<OutboxEvent> acknowledged, List<ParkedEvent> refused, List<ParkedEvent> behind,
            Exception failure) {

        int handled() {
            return acknowledged.size() + refused.size() + behind.size();
        }
    }

    /** An event handed to the producer, and Kafka's answer to come. */
    private record Sent(OutboxEvent event, Future<RecordMetadata> acknowledgement) {
    }

    private final Producer<String, String> producer;
    private final Duration sendTimeout;

    /** @param sendTimeout how long to wait for Kafka's acknowledgements of one round, and to start rounds */
    OutboxPublisher(Producer<String, String> producer, Duration sendTimeout) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Sends the events, oldest first per key.
     *
     * @param parkedKeys keys whose earlier events are parked, with the first of them: their events here are parked
     *        behind it, unsent
     */
    Outcome send(List<OutboxEvent> events, Map<String, UUID> parkedKeys) {
        Map<String, Queue<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            byKey.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event);
        }
        Map<String, UUID> blocked = new HashMap<>(parkedKeys);
        List<OutboxEvent> acknowledged = new ArrayList<>();
        List<ParkedEvent> refused = new ArrayList<>();
        Exception failure = null;
        long lastRoundStart = System.nanoTime() + sendTimeout.toNanos();
        while (failure == null && System.nanoTime() - lastRoundStart <= 0) {
            List<Sent> round = new ArrayList<>();
            for (Map.Entry<String, Queue<OutboxEvent>> key : byKey.entrySet()) {
                if (blocked.containsKey(key.getKey()) || key.getValue().isEmpty()) {
                    continue;
                }
                OutboxEvent event = key.getValue().remove();
                Future<RecordMetadata> acknowledgement = send(event);
                round.add(new Sent(event, acknowledgement));
                if (failedBeforeSending(acknowledgement)) {
                    break;
                }
            }
            if (round.isEmpty()) {
                break;
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (Sent sent : round) {
                OutboxEvent event = sent.event();
                Exception error = await(sent.acknowledgement(), deadline);
                if (error == null) {
                    acknowledged.add(event);
                } else if (neverAccepted(error)) {
                    refused.add(new ParkedEvent(event, reason(error)));
                    blocked.put(event.key(), event.eventId());
                } else if (failure == null) {
                    failure = error;
                }
            }
        }
        List<ParkedEvent> behind = new ArrayList<>();
        blocked.forEach((key, first) -> {
            for (OutboxEvent event : byKey.getOrDefault(key, new ArrayDeque<>())) {
                behind.add(new ParkedEvent(event, "behind parked event " + first));
            }
        });
        return new Outcome(acknowledged, refused, behind, failure);
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        try {
            return producer.send(record(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether the producer gave up on an event before sending it, for a reason that is not the event's: e.g. the
     * topic's partitions were not known within {@code max.block.ms}. Every other event of the round would wait as long.
     */
    private static boolean failedBeforeSending(Future<RecordMetadata> acknowledgement) {
        if (!acknowledgement.isDone()) {
            return false;
        }
        Exception error = await(acknowledgement, System.nanoTime());
        return error != null && !neverAccepted(error);
    }

    /** @return the failure, or {@code null} once Kafka acknowledged the event */
    private static Exception await(Future<RecordMetadata> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * Whether Kafka refused the event itself, so that sending it again can never succeed as long as the topic's or
     * the producer's limits stay as they are. Authorization and configuration errors are the cluster's, not the
     * event's: they are retried.
     */
    private static boolean neverAccepted(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof InvalidTimestampException
                || error instanceof SerializationException;
    }

    /** Kafka's words: its messages name sizes and limits, never the event's content. */
    private static String reason(Exception error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static ProducerRecord<String, String> record(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        if (event.payload().startsWith(CLOUD_EVENT_START)) {
            // only a CloudEvent says so: an event recorded before the upgrade, still in the outbox, is of version 1
            record.headers().add(StructuredCloudEvent.CONTENT_TYPE_HEADER, CONTENT_TYPE);
        }
        if (event.requestId() != null) {
            record.headers().add(RequestIds.HEADER, event.requestId().getBytes(StandardCharsets.UTF_8));
        }
        if (event.traceParent() != null) {
            record.headers().add(EventTraces.HEADER, event.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
