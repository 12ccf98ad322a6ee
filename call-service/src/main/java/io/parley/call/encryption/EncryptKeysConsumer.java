package io.parley.call.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link EncryptKeyReplica} current from crypto-service's {@code crypto.keys}, each event applied once. */
@ApplicationScoped
public class EncryptKeysConsumer {

    private final EventInbox inbox;
    private final EncryptKeyReplica keys;
    private final String consumer;

    EncryptKeysConsumer(EventInbox inbox, EncryptKeyReplica keys,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.keys = keys;
        this.consumer = consumer;
    }

    @Incoming("crypto-keys")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(consumer, record, this::apply);
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
