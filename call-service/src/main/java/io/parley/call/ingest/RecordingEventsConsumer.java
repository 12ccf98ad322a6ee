package io.parley.call.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.parley.common.api.ApiIds;
import io.parley.common.events.inbox.DeadLetterReason;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.RetryInPlace;
import io.parley.common.events.read.MalformedEventException;
import io.parley.common.events.tracing.EventTraces;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes what recorders publish on {@code recording.events}, a poll's worth of records at a time, into the call
 * tables, and never stops nor skips. Each event is bound to the tenant its record's
 * {@link RecorderEvent#RECORDER_TENANT_HEADER} names (none: the recorder serves every tenant). A record that breaks
 * the contract, or whose call is or would be another tenant's than its recorder's, goes to the dead-letter topic with
 * the reason.
 * The others are applied together in one transaction; while the database is unavailable the batch waits and is
 * tried again in place. When the failure may be one event's (anything but an outage, or contention that persists),
 * each event is applied alone, and only those the database refuses alone go to the dead-letter topic.
 */
@ApplicationScoped
public class RecordingEventsConsumer {

    public static final String CHANNEL = "recording-events";
    static final String TOPIC = "recording.events";
    static final String DEAD_LETTERS = TOPIC + ".dlq";
    private static final Logger LOG = Logger.getLogger(RecordingEventsConsumer.class);

    private final RecorderEventReader reader;
    private final CallWriter writer;
    private final RetryInPlace retry;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final EventTraces traces;

    RecordingEventsConsumer(RecorderEventReader reader, CallWriter writer, RetryInPlace retry,
            DeadLetters deadLetters, IngestMetrics metrics, EventTraces traces) {
        this.reader = reader;
        this.writer = writer;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.traces = traces;
    }

    /**
     * Applies a poll's worth of records in one span, linked to the trace of each record that has one (an event posted
     * over HTTP continues its request's): the connector's span per record is off for this channel.
     */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        long start = System.nanoTime();
        try (EventTraces.Applying applying = traces.applyingBatch(TOPIC, records)) {
            apply(records);
        } finally {
            metrics.batchSince(start);
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        List<RecorderEvent> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record.value()).publishedFor(recorderTenant(record)));
                sources.add(record);
            } catch (MalformedEventException e) {
                deadLetters.send(record, DEAD_LETTERS, DeadLetterReason.contract(e.getMessage()));
                metrics.unreadable();
            }
        }
        if (events.isEmpty()) {
            return;
        }
        if (retry.applyTogether("Batch of recorder events at " + position(sources.get(0)), () -> writer.apply(events))) {
            LOG.debugf("Applied a batch of %d recorder events", events.size());
            events.forEach(metrics::applied);
            return;
        }
        LOG.warnf("Batch of %d recorder events at %s failed; applying them one by one", events.size(),
                position(sources.get(0)));
        for (int i = 0; i < events.size(); i++) {
            RecorderEvent event = events.get(i);
            ConsumerRecord<String, byte[]> source = sources.get(i);
            Optional<DeadLetterReason> refused = retry.applyAlone("Recorder event at " + position(source),
                    () -> writer.apply(List.of(event)));
            if (refused.isPresent()) {
                deadLetters.send(source, DEAD_LETTERS, refused.get());
                metrics.deadLettered(event);
            } else {
                metrics.applied(event);
            }
        }
    }

    /** The tenant the record's header binds it to; {@code null} without the header. */
    private static UUID recorderTenant(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(RecorderEvent.RECORDER_TENANT_HEADER);
        if (header == null) {
            return null;
        }
        return ApiIds.parse(new String(header.value() == null ? new byte[0] : header.value(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new MalformedEventException(
                        "The " + RecorderEvent.RECORDER_TENANT_HEADER + " header is not a tenant id"));
    }

    private static String position(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
