package io.parley.gateway.authentication;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Drops cached credentials within moments of a directory change that could alter a credential check: an update or
 * delete of a user, group, role or tenant (docs/events.md, topic {@code directory.events}). Every gateway replica
 * consumes every event (a consumer group of its own, from the latest offset: a new replica starts with an empty
 * cache, so history is of no use to it).
 */
@ApplicationScoped
public class DirectoryChanges {

    public static final String CHANNEL = "directory-events";

    /** The contract version of directory events this gateway reads; a newer event drops every cached credential. */
    static final int VERSION = 1;

    private static final Logger LOG = Logger.getLogger(DirectoryChanges.class);

    /**
     * Event type to the resource under {@code data}. The names are those of common/events {@code DirectoryEvents},
     * written out because that module brings the outbox and a database the gateway does not have.
     */
    private static final Map<String, String> INVALIDATING = Map.of(
            "user.updated", "user", "user.deleted", "user",
            "group.updated", "group", "group.deleted", "group",
            "role.updated", "role", "role.deleted", "role",
            "tenant.updated", "tenant", "tenant.deleted", "tenant");

    private final CredentialCache cache;

    DirectoryChanges(CredentialCache cache) {
        this.cache = cache;
    }

    @Incoming(CHANNEL)
    public void consume(String event) {
        if (event == null) {
            return;
        }
        try {
            apply(new JsonObject(event));
        } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
            // not an event as documented, or of a newer contract: the safe answer is to forget everything (the parser's
            // message may quote it)
            LOG.warnf("Unreadable directory event (%s), all cached credentials dropped", e.getClass().getSimpleName());
            cache.invalidateAll();
        }
    }

    private void apply(JsonObject event) {
        // a CloudEvent names its contract version dataversion, the version 1 envelope version (docs/events.md)
        String versionAttribute = event.containsKey("specversion") ? "dataversion" : "version";
        if (event.getInteger(versionAttribute, VERSION) > VERSION) {
            // a contract this gateway was not written for: what the event changed cannot be known for sure
            throw new IllegalArgumentException("version newer than " + VERSION);
        }
        String type = event.getString("type", "");
        Optional<String> resource = changedResource(type);
        if (resource.isEmpty()) {
            return;
        }
        String id = event.getJsonObject("data", new JsonObject()).getJsonObject(resource.get(), new JsonObject())
                .getString(resource.get() + "_id");
        if (id == null) {
            throw new IllegalArgumentException(type + " event without " + resource.get() + "_id");
        }
        cache.invalidateReferencing(UUID.fromString(id));
        LOG.debugf("Cached credentials referencing %s %s dropped after %s", resource.get(), id, type);
    }

    /**
     * {@code user}, {@code group}, {@code role} or {@code tenant} for the updates and deletes that may change a
     * credential check's answer; nothing for creations (no cached credential references a new object) and clients.
     */
    static Optional<String> changedResource(String type) {
        return Optional.ofNullable(INVALIDATING.get(type));
    }
}
