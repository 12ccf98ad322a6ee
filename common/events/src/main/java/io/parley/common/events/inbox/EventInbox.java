package io.parley.common.events.inbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.parley.common.api.request.RequestIds;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.read.EventReader;
import io.parley.common.events.read.MalformedEventException;
import io.parley.common.events.tracing.EventTraces;

/**
 * The receiving end of Parley's events: reads the event ({@link EventReader}), skips an event this consumer already applied,
 * and runs
 * the consumer's effect in a transaction of its own together with the record that it was applied. The consumer
 * never stops and never skips: an outage is waited out in place ({@link RetryInPlace}), and a record that is not an
 * event, or that the database refuses alone, goes to the consumer's dead-letter topic ({@link DeadLetters}).
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final RetryInPlace retry;
    private final DeadLetters deadLetters;
    private final EventTraces traces;

    EventInbox(EventReader reader, ProcessedEvents processed, RetryInPlace retry, DeadLetters deadLetters,
            EventTraces traces) {
        this.reader = reader;
        this.processed = processed;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    /**
     * Applies the record's event once, or sets the record aside on {@code deadLetterTopic}; returns when either is
     * done, however long the database or the broker is unavailable meanwhile. It runs in a span of the trace that
     * recorded the event. An event of a newer contract version than {@code newestVersion}, the one this consumer was
     * written for, is set aside: its publisher was upgraded before this consumer, and the dead letter is replayed once
     * this consumer is upgraded too.
     */
    public void consume(String consumer, ConsumerRecord<String, byte[]> record, String deadLetterTopic,
            int newestVersion, Consumer<EventEnvelope> effect) {
        Header requestId = record.headers().lastHeader(RequestIds.HEADER);
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
        }
        try (EventTraces.Applying applying = traces.applying(record, consumer)) {
            String where = "Event " + record.topic() + "-" + record.partition() + "@" + record.offset() + " ("
                    + consumer + ")";
            retry.applyAlone(where, () -> receive(consumer, record, newestVersion, effect))
                    .ifPresent(reason -> deadLetters.send(record, deadLetterTopic, reason));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void receive(String consumer, ConsumerRecord<String, byte[]> record, int newestVersion,
            Consumer<EventEnvelope> effect) {
        EventEnvelope event = reader.read(record.value());
        if (event.version() > newestVersion) {
            throw MalformedEventException.newerVersion(event.version(), newestVersion);
        }
        if (processed.firstDelivery(consumer, event.eventId())) {
            effect.accept(event);
        } else {
            LOG.debugf("Skipping redelivered event %s", event.eventId());
        }
    }
}
