package io.parley.common.events.outbox;

import java.util.UUID;

/**
 * An event as the outbox holds it: its place in the outbox, its Kafka topic, key and value, its request, and the W3C
 * traceparent of the span that recorded it.
 */
record OutboxEvent(long position, UUID eventId, String topic, String key, String payload, String requestId,
        String traceParent) {
}
