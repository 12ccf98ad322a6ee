package io.parley.deploy.deadletters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Republishes the records of a dead-letter topic to the topics they were set aside from, once their cause is fixed
 * (docs/events.md, "Dead letters"): each with its key, value and original headers, without the {@code dead-letter-*}
 * ones, in the order of the dead-letter topic. It reads in a consumer group of its own,
 * {@code parley-replay-<dead-letter topic>}, and commits each batch once the broker acknowledged its republished
 * records, so that a second run replays only what was set aside since; it stops at the end the topic had when it
 * started, so that a record set aside again is not replayed in a loop. Consumers ignore an event they already
 * applied: a record replayed twice is harmless.
 */
public final class ReplayDeadLetters {

    static final String DEAD_LETTER_HEADERS = "dead-letter-";
    static final String ORIGIN_TOPIC = "dead-letter-topic";
    /** Set by a consumer on a dead letter whose value it had to leave out (common/events DeadLetters). */
    static final String VALUE_LEFT_OUT = "dead-letter-value-left-out";
    private static final String USAGE = """
            Usage: deploy/replay-dead-letters <dead-letter-topic> [--bootstrap-servers host:port]
                                              [--command-config client.properties] [--dry-run]

            Republishes each record of the dead-letter topic to the topic named in its dead-letter-topic header.
              --bootstrap-servers  the Kafka cluster (default: $PARLEY_KAFKA_BOOTSTRAP_SERVERS, else localhost:59092)
              --command-config     Kafka client settings (security.protocol, sasl.*, ssl.*), as Kafka's own tools take
              --dry-run            list what would be replayed; republish and commit nothing
            """;

    private final String bootstrapServers;
    private final Map<String, Object> clientSettings;
    private final String deadLetterTopic;
    private final boolean dryRun;
    private final PrintStream out;

    ReplayDeadLetters(String bootstrapServers, Map<String, Object> clientSettings, String deadLetterTopic,
            boolean dryRun, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = clientSettings;
        this.deadLetterTopic = deadLetterTopic;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** What a run did. */
    record Outcome(int replayed, int skipped) {
    }

    public static void main(String[] args) {
        Optional<ReplayDeadLetters> replay = fromArguments(List.of(args), System.getenv(), System.out);
        if (replay.isEmpty()) {
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            replay.get().run();
        } catch (RuntimeException e) {
            System.err.println("Replay stopped; run it again to go on after the last record sent back: " + e);
            System.exit(1);
        }
    }

    static Optional<ReplayDeadLetters> fromArguments(List<String> args, Map<String, String> env, PrintStream out) {
        String topic = null;
        String bootstrap = Optional.ofNullable(env.get("PARLEY_KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank())
                .orElse("localhost:59092");
        boolean dryRun = false;
        Map<String, Object> clientSettings = Map.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--bootstrap-servers") && i + 1 < args.size()) {
                bootstrap = args.get(++i);
            } else if (arg.equals("--command-config") && i + 1 < args.size()) {
                clientSettings = clientSettings(Path.of(args.get(++i)));
            } else if (!arg.startsWith("-") && topic == null) {
                topic = arg;
            } else {
                return Optional.empty();
            }
        }
        return topic == null ? Optional.empty()
                : Optional.of(new ReplayDeadLetters(bootstrap, clientSettings, topic, dryRun, out));
    }

    /** The Kafka client settings of a properties file, for the consumer and the producer alike. */
    private static Map<String, Object> clientSettings(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    Outcome run() {
        Map<String, Object> consumerConfig = new HashMap<>(clientSettings);
        consumerConfig.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "parley-replay-" + deadLetterTopic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        Map<String, Object> producerConfig = new HashMap<>(clientSettings);
        producerConfig.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(deadLetterTopic, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int replayed = 0;
            int skipped = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // set aside after the run started: left for the next run
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    Optional<String> origin = header(record, ORIGIN_TOPIC);
                    String position = record.topic() + "-" + record.partition() + "@" + record.offset();
                    if (origin.isEmpty()) {
                        out.printf("%s skipped: no %s header%n", position, ORIGIN_TOPIC);
                        skipped++;
                        continue;
                    }
                    if (header(record, VALUE_LEFT_OUT).isPresent()) {
                        out.printf("%s skipped: its value was left out (%s)%n", position,
                                header(record, "dead-letter-reason").orElse("no reason given"));
                        skipped++;
                        continue;
                    }
                    out.printf("%s %s %s (%s)%n", position, dryRun ? "would go back to" : "back to", origin.get(),
                            header(record, "dead-letter-reason").orElse("no reason given"));
                    replayed++;
                    if (!dryRun) {
                        sends.add(producer.send(new ProducerRecord<>(origin.get(), null, record.key(), record.value(),
                                StreamSupport.stream(record.headers().spliterator(), false)
                                        .filter(h -> !h.key().startsWith(DEAD_LETTER_HEADERS)).toList())));
                    }
                }
                if (!dryRun) {
                    awaitAll(sends);
                    consumer.commitSync(done);
                }
            }
            out.printf("%s: %d record(s) %s, %d skipped%n", deadLetterTopic, replayed,
                    dryRun ? "would be replayed" : "replayed", skipped);
            return new Outcome(replayed, skipped);
        }
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A record could not be republished", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
