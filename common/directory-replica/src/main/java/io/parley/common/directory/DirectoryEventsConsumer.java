package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the service's replica of the directory current: tenants with their call-association settings, users with
 * their extensions, clients with their contacts' phone numbers. Each event is applied once (by event id) and in order
 * of the directory's changes, by the object's revision the event carries: a late event never overwrites a newer
 * state, and nothing deleted comes back. An event
 * the replica cannot apply goes to {@code directory.events.dlq.<service>}; an outage is waited out.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    public static final String CHANNEL = "directory-events";
    private static final Logger LOG = Logger.getLogger(DirectoryEventsConsumer.class);

    private final EventInbox inbox;
    private final PeopleReplica people;
    private final String consumer;
    private final String deadLetters;

    DirectoryEventsConsumer(EventInbox inbox, PeopleReplica people,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.people = people;
        this.consumer = consumer;
        this.deadLetters = DeadLetters.topicOf(DirectoryEvents.TOPIC, consumer);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(consumer, record, deadLetters, DirectoryEvents.VERSION, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case DirectoryEvents.TENANT_CREATED, DirectoryEvents.TENANT_UPDATED -> upsertTenant(event, false);
            case DirectoryEvents.TENANT_DELETED -> {
                upsertTenant(event, true);
                people.forgetTenant(event.tenantId(), event.occurredAt());
            }
            case DirectoryEvents.USER_CREATED, DirectoryEvents.USER_UPDATED -> people.applyUser(event, false);
            case DirectoryEvents.USER_DELETED -> people.applyUser(event, true);
            case DirectoryEvents.CLIENT_CREATED, DirectoryEvents.CLIENT_UPDATED -> people.applyClient(event, false);
            case DirectoryEvents.CLIENT_DELETED -> people.applyClient(event, true);
            default -> LOG.debugf("Event type %s is not replicated", event.type());
        }
    }

    /** Applies a tenant's newer state; a deleted tenant stays deleted, whatever arrives after its delete. */
    private void upsertTenant(EventEnvelope event, boolean deleted) {
        JsonNode tenant = event.data().path("tenant");
        UUID id = UUID.fromString(tenant.path("tenant_id").asText());
        KnownTenant.lockRow(id);
        KnownTenant known = KnownTenant.findById(id);
        if (known != null && (known.deletedAt != null
                || !deleted && !Revisions.isNewer(event, known.revision, known.changedAt))) {
            return;
        }
        if (known == null) {
            known = new KnownTenant();
            known.id = id;
        }
        known.takeState(tenant);
        known.system = event.data().path(DirectoryEvents.SYSTEM_TENANT).booleanValue();
        known.revision = event.revisionOrZero();
        known.changedAt = event.occurredAt();
        known.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        known.deletedAt = deleted ? event.occurredAt() : null;
        known.persist();
        LOG.infof(deleted ? "Tenant %s was deleted" : "Tenant %s is known", id);
    }
}
