package io.parley.directory.provisioning;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.parley.common.events.EventEnvelope;
import io.parley.common.events.ProvisioningRequests;
import io.parley.common.events.inbox.EventInbox;
import io.parley.common.events.provisioning.UserProvisionRequestedData;
import io.parley.common.events.read.EventData;
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
    private final EventData data;
    private final UserProvisioning provisioning;
    private final String consumer;

    ProvisioningRequestsConsumer(EventInbox inbox, EventData data, UserProvisioning provisioning,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.data = data;
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
        UserProvisionRequestedData request = data.read(event, UserProvisionRequestedData.class);
        provisioning.provision(request.tenantId(), request.extension().strip(), request.name());
    }
}
