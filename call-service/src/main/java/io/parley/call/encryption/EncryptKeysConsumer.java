package io.parley.call.encryption;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.EventInbox;
import io.parley.common.events.key.EncryptKeyData;
import io.parley.common.events.key.GrantRevokedData;
import io.parley.common.events.read.EventData;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link EncryptKeyReplica} current from crypto-service's {@code crypto.keys}, each event applied once, and drops
 * the data keys {@link CallerDataKeys} holds under a deleted key or a revoked grant; an event that cannot be applied
 * goes to {@code crypto.keys.dlq.call-service}, an outage is waited out.
 */
@ApplicationScoped
public class EncryptKeysConsumer {

    private final EventInbox inbox;
    private final EventData data;
    private final EncryptKeyReplica keys;
    private final CallerDataKeys dataKeys;
    private final String consumer;
    private final String deadLetters;

    EncryptKeysConsumer(EventInbox inbox, EventData data, EncryptKeyReplica keys, CallerDataKeys dataKeys,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.data = data;
        this.keys = keys;
        this.dataKeys = dataKeys;
        this.consumer = consumer;
        this.deadLetters = DeadLetters.topicOf(CryptoKeyEvents.TOPIC, consumer);
    }

    @Incoming("crypto-keys")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(consumer, record, deadLetters, CryptoKeyEvents.VERSION, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case CryptoKeyEvents.KEY_CREATED, CryptoKeyEvents.KEY_UPDATED ->
                keys.apply(event, data.read(event, EncryptKeyData.class).encryptKey(), false);
            case CryptoKeyEvents.KEY_DELETED -> {
                EncryptKeyData.EncryptKey key = data.read(event, EncryptKeyData.class).encryptKey();
                keys.apply(event, key, true);
                dataKeys.forgetKey(key.keyId());
            }
            case CryptoKeyEvents.GRANT_REVOKED -> {
                GrantRevokedData.AuthorizedUser grant = data.read(event, GrantRevokedData.class).authorizedUser();
                dataKeys.forgetGrant(grant.keyId(), grant.userId());
            }
            default -> {
                // a newer kind of change this service does not need
            }
        }
    }
}
