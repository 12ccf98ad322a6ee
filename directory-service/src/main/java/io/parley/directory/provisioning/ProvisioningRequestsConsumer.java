package io.parley.directory.provisioning;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.parley.common.events.EventEnvelope;
import io.parley.common.events.ProvisioningRequests;
import io.parley.common.events.inbox.EventInbox;
import io.parley.common.events.inbox.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads the requests for users on {@code directory.provisioning} (docs/events.md), each applied once. A request that
 * cannot be applied goes to {@code directory.provisioning.dlq}; an outage is waited out.
 */
@ApplicationScoped
public class ProvisioningRequestsConsumer {

    public static final String CHANNEL = "provisioning-requests";
    static final String DEAD_LETTERS = ProvisioningRequests.TOPIC + ".dlq";
    private static final Logger LOG = Logger.getLogger(ProvisioningRequestsConsumer.class);

    private final EventInbox inbox;
    private final UserProvisioning provisioning;
    private final String consumer;

    ProvisioningRequestsConsumer(EventInbox inbox, UserProvisioning provisioning,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.provisioning = provisioning;
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(consumer, record, DEAD_LETTERS, ProvisioningRequests.VERSION, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (!ProvisioningRequests.USER_REQUESTED.equals(event.type())) {
            LOG.debugf("Request type %s is not known here", event.type());
            return;
        }
        JsonNode request = event.data();
        String extension = request.path("extension").asText("");
        if (extension.isBlank()) {
            throw new MalformedEventException("The request names no extension");
        }
        provisioning.provision(tenant(request), extension.strip(),
                request.path("name").isTextual() ? request.path("name").asText() : null);
    }

    private static UUID tenant(JsonNode request) {
        try {
            return UUID.fromString(request.path("tenant_id").asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("The request names no tenant");
        }
    }
}
