package io.parley.common.events.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.request.RequestIds;
import io.parley.common.events.EventEnvelope;

/**
 * Records an event in the caller's transaction, so that the change and its event are committed together or not at
 * all. The {@link OutboxRelay} publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param key the Kafka key: the id of the changed entity, which keeps its events in order
     * @param data the resource after the change, serialized as the API shows it
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, int version, UUID tenantId, Object data) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EventEnvelope envelope = new EventEnvelope(eventId, type, version, now, tenantId, mapper.valueToTree(data));

        OutboxEvent event = new OutboxEvent();
        event.eventId = eventId;
        event.topic = topic;
        event.messageKey = key;
        event.payload = toJson(envelope);
        event.requestId = (String) MDC.get(RequestIds.MDC_KEY);
        event.createdAt = now;
        entityManager.persist(event);

        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return eventId;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialized: " + envelope.type(), e);
        }
    }
}
