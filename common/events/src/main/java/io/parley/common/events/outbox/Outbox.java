package io.parley.common.events.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.request.RequestIds;
import io.parley.common.events.StructuredCloudEvent;
import io.parley.common.events.tracing.EventTraces;

/**
 * Records events in the caller's transaction, so that the change and its events are committed together or not at
 * all. Each is a CloudEvent ({@link StructuredCloudEvent}) whose source is {@code /parley/<service>}. The
 * {@link OutboxRelay} publishes them to Kafka after the commit, the events of one key in the order recorded.
 */
@ApplicationScoped
public class Outbox {

    /**
     * One event to record: its Kafka key (the id of the changed entity, which keeps its events in order), the changed
     * object's revision where the publisher keeps one ({@code null} leaves it out of the event), and the body.
     */
    public record Message(String key, String type, UUID tenantId, Long revision, Object data) {

        public Message(String key, String type, UUID tenantId, Object data) {
            this(key, type, tenantId, null, data);
        }
    }

    /** The topics a transaction recorded events of, whose lanes of the relay its commit wakes. */
    private static final Object RELAY_WAKE = new Object();

    /**
     * One row per event, sent as a batch: rows keep the batch's order (their positions). The payloads are bound as
     * they are; as elements of a {@code text[]} literal every quote in their JSON had to be escaped.
     */
    private static final String INSERT = "INSERT INTO outbox_event"
            + " (event_id, topic, message_key, payload, request_id, trace_parent, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OutboxMetrics metrics;
    private final String source;

    Outbox(EntityManager entityManager, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, OutboxMetrics metrics,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
        this.metrics = metrics;
        this.source = "/parley/" + service;
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
        return publishAll(topic, version, List.of(new Message(key, type, tenantId, data))).get(0);
    }

    /**
     * Adds an event of an object that keeps a revision to the current transaction: consumers apply an object's events
     * in the order of their revisions (see docs/events.md).
     *
     * @param revision the object's revision after the change: 1 when created, one more per change, the deletion one
     *        more than the last change
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, int version, UUID tenantId, long revision,
            Object data) {
        return publishAll(topic, version, List.of(new Message(key, type, tenantId, revision, data))).get(0);
    }

    /**
     * Adds events of one topic to the current transaction, in the order given, with one round trip however many
     * they are.
     *
     * @return the event ids, in the order of the messages
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(String topic, int version, List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        metrics.publishes(topic);
        Instant now = Instant.now();
        String requestId = (String) MDC.get(RequestIds.MDC_KEY);
        String traceParent = EventTraces.currentTraceParent();
        List<UUID> ids = new ArrayList<>(messages.size());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Message message : messages) {
                    UUID eventId = UUID.randomUUID();
                    ids.add(eventId);
                    insert.setObject(1, eventId);
                    insert.setString(2, topic);
                    insert.setString(3, message.key());
                    // the data is written straight into the event's JSON, not copied into a tree first
                    insert.setString(4, toJson(StructuredCloudEvent.of(eventId, source, message.type(), message.key(),
                            now, message.tenantId(), message.revision(), version,
                            mapper.getNodeFactory().pojoNode(message.data()))));
                    insert.setString(5, requestId);
                    insert.setString(6, traceParent);
                    insert.setObject(7, now.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeRelayOnCommit(topic);
        return ids;
    }

    private void wakeRelayOnCommit(String topic) {
        @SuppressWarnings("unchecked")
        Set<String> topics = (Set<String>) transactions.getResource(RELAY_WAKE);
        if (topics == null) {
            Set<String> recorded = new HashSet<>();
            transactions.putResource(RELAY_WAKE, recorded);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        recorded.forEach(relay::wake);
                    }
                }
            });
            topics = recorded;
        }
        topics.add(topic);
    }

    private String toJson(StructuredCloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialized: " + event.type(), e);
        }
    }
}
