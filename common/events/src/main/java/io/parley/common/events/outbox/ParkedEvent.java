package io.parley.common.events.outbox;

/** An event held back from its lane, and why: Kafka's refusal, or the parked event of its key it waits behind. */
record ParkedEvent(OutboxEvent event, String reason) {
}
