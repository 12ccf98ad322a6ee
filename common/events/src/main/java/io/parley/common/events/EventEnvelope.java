package io.parley.common.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every event Parley publishes has this shape (see docs/events.md): a unique {@code event_id} for consumers to
 * deduplicate, a {@code type} such as {@code tenant.created}, the contract {@code version} of {@code data}, when it
 * happened, the tenant it belongs to, and the resource after the change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(UUID eventId, String type, int version, OffsetDateTime occurredAt, UUID tenantId,
        JsonNode data) {
}
