package io.parley.call.ingest;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sets aside the recorder events that cannot be stored: the record goes, as it came, to
 * {@code recording.events.dlq} with the reason and its origin in headers named as SmallRye's dead-letter strategy
 * names them. The send is acknowledged by the broker before the consumer moves on, so nothing is lost.
 */
@ApplicationScoped
class DeadLetters {

    static final String CHANNEL = "recording-events-dlq";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;

    DeadLetters(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    void send(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Recorder event at %s-%d offset %d set aside: %s", record.topic(), record.partition(),
                record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        emitter.sendMessageAndAwait(Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(record.key()).withHeaders(headers)
                        .build()));
    }
}
