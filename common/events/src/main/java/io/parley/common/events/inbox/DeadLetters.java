package io.parley.common.events.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sets aside the records a consumer cannot apply (docs/events.md, "Dead letters"): the record goes, as it came, to
 * the consumer's dead-letter topic, with its original headers and the reason and origin in {@code dead-letter-*}
 * headers (named as SmallRye's dead-letter strategy names them). The send waits for the broker's acknowledgement,
 * and is repeated while the broker cannot take it, so that a consumer moves past a record only once it is safe. A
 * record the dead-letter topic can never take (larger than its {@code max.message.bytes}, or than the producer's
 * {@code max.request.size}, once the headers are added) is set aside without its value, the reason saying so and
 * where the record stays while its topic retains it: trying it again would hold the consumer forever. Each dead letter
 * is counted by its topic and the class of its reason ({@code parley.dead.letters}).
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "parley-dead-letters";
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** On a dead letter set aside without its value: {@code true}. deploy/replay-dead-letters skips such records. */
    public static final String VALUE_LEFT_OUT = "dead-letter-value-left-out";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;
    private final RetryInPlace retry;
    private final MeterRegistry registry;
    /** By dead-letter topic, the counter of each reason class, by its ordinal. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    DeadLetters(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, RetryInPlace retry, MeterRegistry registry) {
        this.emitter = emitter;
        this.retry = retry;
        this.registry = registry;
    }

    /** The dead-letter topic of a consumer of a topic: {@code <topic>.dlq.<consumer>}. */
    public static String topicOf(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }

    /** Sends the record to {@code deadLetterTopic} with the reason, which must hold no values of the record. */
    public void send(ConsumerRecord<String, byte[]> record, String deadLetterTopic, DeadLetterReason why) {
        send(record, deadLetterTopic, why.text());
        counters.computeIfAbsent(deadLetterTopic, this::countersOf)[why.cause().ordinal()].increment();
    }

    private void send(ConsumerRecord<String, byte[]> record, String deadLetterTopic, String reason) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.warnf("%s set aside on %s: %s", origin, deadLetterTopic, reason);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        retry.untilDone("Dead letter of " + origin, () -> {
            try {
                emitter.sendMessageAndAwait(deadLetter(record, deadLetterTopic, reason, value));
            } catch (RuntimeException e) {
                if (Failures.chain(e).stream().noneMatch(RecordTooLargeException.class::isInstance)) {
                    throw e;
                }
                LOG.warnf("%s is too large for %s: set aside without its value", origin, deadLetterTopic);
                Message<byte[]> withoutValue = deadLetter(record, deadLetterTopic, reason + "; the record's value ("
                        + value.length + " bytes) was too large for this topic and is left out: it stays at "
                        + origin + " while that topic retains it", new byte[0]);
                withoutValue.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders()
                        .add(VALUE_LEFT_OUT, bytes("true"));
                emitter.sendMessageAndAwait(withoutValue);
            }
        });
    }

    /** Every class's counter at once, so that each shows 0 before its first dead letter. */
    private Counter[] countersOf(String deadLetterTopic) {
        return Arrays.stream(DeadLetterReason.Cause.values()).map(cause -> Counter.builder("parley.dead.letters")
                .description("Records set aside on a dead-letter topic, by the class of their reason")
                .tag("topic", deadLetterTopic).tag("reason", cause.tag()).register(registry)).toArray(Counter[]::new);
    }

    /** The record as it came, with the reason and its origin in headers. */
    private static Message<byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String deadLetterTopic,
            String reason, byte[] value) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, bytes(reason));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withTopic(deadLetterTopic)
                .withKey(record.key()).withHeaders(headers).build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
