package io.parley.gateway.authentication;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.directory.GroupData;
import io.parley.common.events.directory.RoleData;
import io.parley.common.events.directory.TenantData;
import io.parley.common.events.directory.UserData;
import io.parley.common.events.read.EventData;
import io.parley.common.events.read.EventReader;
import io.parley.common.events.read.MalformedEventException;

/**
 * Drops cached credentials within moments of a directory change that could alter a credential check: an update or
 * delete of a user, group, role or tenant (docs/events.md, topic {@code directory.events}). Every gateway replica
 * consumes every event (a consumer group of its own, from the latest offset: a new replica starts with an empty
 * cache, so history is of no use to it). An event it cannot read, or of a newer contract than it was written for,
 * may have changed anything, so it drops every cached credential.
 */
@ApplicationScoped
public class DirectoryChanges {

    public static final String CHANNEL = "directory-events";

    private static final Logger LOG = Logger.getLogger(DirectoryChanges.class);

    private final CredentialCache cache;
    private final EventReader reader;
    private final EventData data;

    DirectoryChanges(CredentialCache cache, EventReader reader, EventData data) {
        this.cache = cache;
        this.reader = reader;
        this.data = data;
    }

    @Incoming(CHANNEL)
    public void consume(String value) {
        if (value == null) {
            return;
        }
        try {
            EventEnvelope event = reader.read(value.getBytes(StandardCharsets.UTF_8));
            if (event.version() > DirectoryEvents.VERSION) {
                // whatever its type, what a newer contract's event changed cannot be known for sure
                throw MalformedEventException.newerVersion(event.version(), DirectoryEvents.VERSION);
            }
            changedObject(event).ifPresent(id -> {
                cache.invalidateReferencing(id);
                LOG.debugf("Cached credentials referencing %s dropped after %s", id, event.type());
            });
        } catch (MalformedEventException e) {
            // the field alone: an event of the directory is about users, so nothing of its content is logged
            LOG.warnf("Unreadable directory event (%s), the authentication cache emptied",
                    e.field() != null ? "field " + e.field() : "not an event");
            cache.invalidateAll();
        }
    }

    /**
     * The user, group, role or tenant an update or delete changed, which may change a credential check's answer;
     * nothing for creations (no cached credential references a new object) and clients.
     */
    private Optional<UUID> changedObject(EventEnvelope event) {
        return Optional.ofNullable(switch (event.type()) {
            case DirectoryEvents.USER_UPDATED, DirectoryEvents.USER_DELETED ->
                data.read(event, UserData.class).user().userId();
            case DirectoryEvents.GROUP_UPDATED, DirectoryEvents.GROUP_DELETED ->
                data.read(event, GroupData.class).group().groupId();
            case DirectoryEvents.ROLE_UPDATED, DirectoryEvents.ROLE_DELETED ->
                data.read(event, RoleData.class).role().roleId();
            case DirectoryEvents.TENANT_UPDATED, DirectoryEvents.TENANT_DELETED ->
                data.read(event, TenantData.class).tenant().tenantId();
            default -> null;
        });
    }
}
