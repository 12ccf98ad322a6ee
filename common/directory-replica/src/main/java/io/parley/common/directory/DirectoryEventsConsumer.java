package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.directory.ClientData;
import io.parley.common.events.directory.TenantData;
import io.parley.common.events.directory.UserData;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.EventInbox;
import io.parley.common.events.read.EventData;
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
    private final EventData data;
    private final PeopleReplica people;
    private final Event<TenantKnown> tenantKnown;
    private final String consumer;
    private final String deadLetters;

    DirectoryEventsConsumer(EventInbox inbox, EventData data, PeopleReplica people, Event<TenantKnown> tenantKnown,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.data = data;
        this.people = people;
        this.tenantKnown = tenantKnown;
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
            case DirectoryEvents.TENANT_CREATED, DirectoryEvents.TENANT_UPDATED ->
                upsertTenant(event, data.read(event, TenantData.class), false);
            case DirectoryEvents.TENANT_DELETED -> {
                upsertTenant(event, data.read(event, TenantData.class), true);
                people.forgetTenant(event.tenantId(), event.occurredAt());
            }
            case DirectoryEvents.USER_CREATED, DirectoryEvents.USER_UPDATED ->
                people.applyUser(event, data.read(event, UserData.class).user(), false);
            case DirectoryEvents.USER_DELETED -> people.applyUser(event, data.read(event, UserData.class).user(), true);
            case DirectoryEvents.CLIENT_CREATED, DirectoryEvents.CLIENT_UPDATED ->
                people.applyClient(event, data.read(event, ClientData.class).client(), false);
            case DirectoryEvents.CLIENT_DELETED ->
                people.applyClient(event, data.read(event, ClientData.class).client(), true);
            default -> LOG.debugf("Event type %s is not replicated", event.type());
        }
    }

    /** Applies a tenant's newer state; a deleted tenant stays deleted, whatever arrives after its delete. */
    private void upsertTenant(EventEnvelope event, TenantData state, boolean deleted) {
        UUID id = state.tenant().tenantId();
        KnownTenant.lockRow(id);
        KnownTenant known = KnownTenant.findById(id);
        if (known != null && (known.deletedAt != null
                || !deleted && !Revisions.isNewer(event, known.revision, known.changedAt))) {
            return;
        }
        boolean learnt = known == null;
        if (learnt) {
            known = new KnownTenant();
            known.id = id;
        }
        known.takeState(state.tenant());
        known.system = state.systemTenant();
        known.revision = event.revisionOrZero();
        known.changedAt = event.occurredAt();
        known.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        known.deletedAt = deleted ? event.occurredAt() : null;
        known.persist();
        LOG.infof(deleted ? "Tenant %s was deleted" : "Tenant %s is known", id);
        if (learnt && !deleted) {
            KnownTenant.flush(); // the observers read the replica with their own statements on this connection
            tenantKnown.fire(new TenantKnown(id));
        }
    }
}
