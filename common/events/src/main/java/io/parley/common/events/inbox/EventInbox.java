package io.parley.common.events.inbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.request.RequestIds;
import io.parley.common.events.EventEnvelope;

/**
 * The receiving end of Parley's events: parses the envelope, skips an event this consumer already applied, and runs
 * the consumer's effect in the caller's transaction together with the record that it was applied. A record that is
 * not an event fails with {@link MalformedEventException}, which the channel's failure strategy sends to its
 * dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;

    EventInbox(ObjectMapper mapper, ProcessedEvents processed) {
        this.mapper = mapper;
        this.processed = processed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        Header requestId = record.headers().lastHeader(RequestIds.HEADER);
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
        }
        try {
            EventEnvelope event = parse(record.value());
            if (processed.firstDelivery(consumer, event.eventId())) {
                effect.accept(event);
            } else {
                LOG.debugf("Skipping redelivered event %s", event.eventId());
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private EventEnvelope parse(String value) {
        if (value == null) {
            throw new MalformedEventException("The record has no value");
        }
        try {
            EventEnvelope event = mapper.readValue(value, EventEnvelope.class);
            if (event.eventId() == null || event.type() == null || event.data() == null) {
                throw new MalformedEventException("The event lacks event_id, type or data");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("The record is not an event envelope: " + e.getOriginalMessage());
        }
    }
}
