package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the service's replica of the directory current. Each event is applied once (by event id) and in order of
 * the directory's changes: a late event never overwrites a newer state.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    public static final String CHANNEL = "directory-events";
    private static final Logger LOG = Logger.getLogger(DirectoryEventsConsumer.class);

    private final EventInbox inbox;
    private final String consumer;

    DirectoryEventsConsumer(EventInbox inbox, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(consumer, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case DirectoryEvents.TENANT_CREATED, DirectoryEvents.TENANT_UPDATED -> upsertTenant(event, false);
            case DirectoryEvents.TENANT_DELETED -> upsertTenant(event, true);
            default -> LOG.debugf("Event type %s is not replicated", event.type());
        }
    }

    /** Applies a tenant's newer state; a deleted tenant stays deleted, whatever arrives after its delete. */
    private void upsertTenant(EventEnvelope event, boolean deleted) {
        JsonNode tenant = event.data().path("tenant");
        UUID id = UUID.fromString(tenant.path("tenant_id").asText());
        KnownTenant known = KnownTenant.findById(id);
        if (known != null && (known.deletedAt != null || !deleted && !event.occurredAt().isAfter(known.changedAt))) {
            return;
        }
        if (known == null) {
            known = new KnownTenant();
            known.id = id;
        }
        known.name = tenant.path("name").asText();
        known.changedAt = event.occurredAt();
        known.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        known.deletedAt = deleted ? event.occurredAt() : null;
        known.persist();
        LOG.infof(deleted ? "Tenant %s ('%s') was deleted" : "Tenant %s is known as '%s'", id, known.name);
    }
}
