package io.parley.call.recorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.parley.call.ingest.RecorderEvent;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes recorder events posted over HTTP on {@code recording.events}, keyed by call id, each stamped with the
 * tenant of the recorder that posted it ({@link RecorderEvent#RECORDER_TENANT_HEADER}, none for a recorder that serves
 * every tenant), and returns only once the broker acknowledged them all (acks=all, idempotent producer: see
 * application.properties). A broker that cannot take them within the producer's bounded timeouts gets the recorder a
 * {@code 503}, and it sends them again.
 */
@ApplicationScoped
class RecorderEventPublisher {

    static final String CHANNEL = "recorder-events-http";
    private static final Logger LOG = Logger.getLogger(RecorderEventPublisher.class);
    /** A bound above the producer's own delivery timeout, so that nothing waits forever whatever happens. */
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(15);
    private static final ApiError UNAVAILABLE = ApiError.of("ServiceUnavailable",
            "The events could not be stored now, please retry");

    /** An event that keeps the contract: its call id (the record key) and its JSON as the recorder sent it. */
    record Posted(String callId, String json) {
    }

    private final MutinyEmitter<String> emitter;

    RecorderEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** @param recorderTenant the tenant of the recorder; empty for one that serves every tenant */
    void publish(List<Posted> events, Optional<UUID> recorderTenant) {
        if (events.isEmpty()) {
            return;
        }
        RecordHeaders headers = new RecordHeaders();
        recorderTenant.ifPresent(tenant -> headers.add(RecorderEvent.RECORDER_TENANT_HEADER,
                tenant.toString().getBytes(StandardCharsets.UTF_8)));
        List<Uni<Void>> sends = events.stream().map(event -> emitter.sendMessage(Message.of(event.json())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(event.callId())
                        .withHeaders(headers).build())))
                .toList();
        try {
            Uni.join().all(sends).andFailFast().await().atMost(ACKNOWLEDGED_WITHIN);
        } catch (RuntimeException e) {
            LOG.warnf("Recorder events posted over HTTP were not acknowledged by Kafka: %s", e.getMessage());
            throw new ApiException(503, UNAVAILABLE);
        }
    }
}
