package io.parley.call.encryption;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link EncryptKeyReplica} current from crypto-service's {@code crypto.keys}, each event applied once; one that
 * cannot be applied goes to {@code crypto.keys.dlq.call-service}, an outage is waited out.
 */
@ApplicationScoped
public class EncryptKeysConsumer {

    private final EventInbox inbox;
    private final EncryptKeyReplica keys;
    private final String consumer;
    private final String deadLetters;

    EncryptKeysConsumer(EventInbox inbox, EncryptKeyReplica keys,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.keys = keys;
        this.consumer = consumer;
        this.deadLetters = DeadLetters.topicOf(CryptoKeyEvents.TOPIC, consumer);
    }

    @Incoming("crypto-keys")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(consumer, record, deadLetters, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case CryptoKeyEvents.KEY_CREATED, CryptoKeyEvents.KEY_UPDATED -> keys.apply(event, false);
            case CryptoKeyEvents.KEY_DELETED -> keys.apply(event, true);
            default -> {
                // a newer kind of change this service does not need
            }
        }
    }
}
