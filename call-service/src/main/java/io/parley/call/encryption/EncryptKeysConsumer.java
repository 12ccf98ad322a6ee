package io.parley.call.encryption;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.EventEnvelope;
import io.parley.common.events.inbox.DeadLetters;
import io.parley.common.events.inbox.EventInbox;
import io.parley.common.events.inbox.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link EncryptKeyReplica} current from crypto-service's {@code crypto.keys}, each event applied once, and drops
 * the data keys {@link CallerDataKeys} holds under a deleted key or a revoked grant; an event that cannot be applied
 * goes to {@code crypto.keys.dlq.call-service}, an outage is waited out.
 */
@ApplicationScoped
public class EncryptKeysConsumer {

    private final EventInbox inbox;
    private final EncryptKeyReplica keys;
    private final CallerDataKeys dataKeys;
    private final ObjectMapper mapper;
    private final String consumer;
    private final String deadLetters;

    EncryptKeysConsumer(EventInbox inbox, EncryptKeyReplica keys, CallerDataKeys dataKeys, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.keys = keys;
        this.dataKeys = dataKeys;
        this.mapper = mapper;
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
            case CryptoKeyEvents.KEY_CREATED, CryptoKeyEvents.KEY_UPDATED -> keys.apply(event, false);
            case CryptoKeyEvents.KEY_DELETED -> {
                keys.apply(event, true);
                dataKeys.forgetKey(UUID.fromString(event.data().path("encrypt_key").path("key_id").asText()));
            }
            case CryptoKeyEvents.GRANT_REVOKED -> {
                CryptoKeyEvents.RevokedGrant grant = revokedGrant(event);
                dataKeys.forgetGrant(grant.keyId(), grant.userId());
            }
            default -> {
                // a newer kind of change this service does not need
            }
        }
    }

    /** The event's grant; one without both ids is refused (to the dead-letter topic). */
    private CryptoKeyEvents.RevokedGrant revokedGrant(EventEnvelope event) {
        CryptoKeyEvents.RevokedGrant grant;
        try {
            grant = mapper.treeToValue(event.data(), CryptoKeyEvents.RevokedGrant.Document.class).authorizedUser();
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data.authorized_user", "has the wrong type or format");
        }
        if (grant == null || grant.keyId() == null || grant.userId() == null) {
            throw new MalformedEventException("data.authorized_user", "needs key_id and user_id");
        }
        return grant;
    }
}
