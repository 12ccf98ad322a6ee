package io.parley.call.recorder;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes recorder events posted over HTTP on {@code recording.events}, keyed by call id, and returns only once the
 * broker acknowledged them all (acks=all, idempotent producer: see application.properties). A broker that cannot
 * take them within the producer's bounded timeouts gets the recorder a {@code 503}, and it sends them again.
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

    void publish(List<Posted> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = events.stream().map(event -> emitter.sendMessage(Message.of(event.json())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(event.callId()).build())))
                .toList();
        try {
            Uni.join().all(sends).andFailFast().await().atMost(ACKNOWLEDGED_WITHIN);
        } catch (RuntimeException e) {
            LOG.warnf("Recorder events posted over HTTP were not acknowledged by Kafka: %s", e.getMessage());
            throw new ApiException(503, UNAVAILABLE);
        }
    }
}
