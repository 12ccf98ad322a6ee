package io.parley.common.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as consumers apply it, whichever envelope carried it (see docs/events.md): a unique {@code eventId} for
 * consumers to deduplicate, a {@code type} such as {@code tenant.created}, the contract {@code version} of
 * {@code data}, when it happened, the tenant it belongs to, the changed object's {@code revision} where its publisher
 * keeps one, and the resource after the change. Events are published as {@link StructuredCloudEvent}s; this record
 * also binds the version 1 envelope ({@code event_id}, {@code type}, {@code version}, {@code occurred_at},
 * {@code tenant_id}, {@code revision}, {@code data}) that compacted topics still hold.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(UUID eventId, String type, int version, OffsetDateTime occurredAt, UUID tenantId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long revision, JsonNode data) {

    /**
     * The changed object's revision: 1 when it was created, one more for each change after, its deletion one more
     * than its last change. 0 for an event without one (published before objects had revisions), which orders before
     * every event that has one.
     */
    public long revisionOrZero() {
        return revision == null ? 0 : revision;
    }
}
