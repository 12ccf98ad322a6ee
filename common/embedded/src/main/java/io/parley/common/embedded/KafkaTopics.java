package io.parley.common.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;

/** Creates, writes to and reads from topics, for tests that publish events or check what was published. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * Creates a topic with the broker's default partitions, unless it exists: as production creates its topics
     * beforehand. A partition created by a producer's first send can hold that producer's first batches for a
     * delivery timeout (KAFKA-15591).
     */
    public static void create(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + topic, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
    }

    /**
     * Lets the broker's cleaner compact a topic ({@code cleanup.policy=compact}) at once, until {@code compacted}
     * holds, checked every second for up to {@code timeout}; then gives the topic its own settings back. Segments are
     * closed after 100 ms, any share of superseded records is worth cleaning and no record is too young for it. The
     * cleaner only cleans closed segments, and a segment is closed when a record arrives after its time: so
     * {@code compacted} should append a record to each partition before it looks.
     *
     * @throws org.awaitility.core.ConditionTimeoutException when {@code compacted} did not hold in time
     */
    public static void compactUntil(String bootstrapServers, String topic, Duration timeout,
            BooleanSupplier compacted) {
        withSettings(bootstrapServers, topic, Map.of(TopicConfig.SEGMENT_MS_CONFIG, "100",
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01", TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"),
                () -> Awaitility.await().alias(topic + " compacted").atMost(timeout)
                        .pollInterval(Duration.ofSeconds(1)).until(compacted::getAsBoolean));
    }

    /**
     * Gives a topic the settings ({@code max.message.bytes}, ...) while {@code during} runs, then its own settings
     * back (the broker's defaults).
     */
    public static void withSettings(String bootstrapServers, String topic, Map<String, String> settings,
            Runnable during) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.incrementalAlterConfigs(Map.of(resource, settings.entrySet().stream()
                    .map(setting -> set(setting.getKey(), setting.getValue())).toList())).all()
                    .get(30, TimeUnit.SECONDS);
            try {
                during.run();
            } finally {
                admin.incrementalAlterConfigs(Map.of(resource, settings.keySet().stream()
                        .map(name -> new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE))
                        .toList())).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting " + topic + "'s settings", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not set " + topic + "'s settings", e);
        }
    }

    /** How many partitions the topic has. */
    public static int partitions(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe " + topic, e);
        }
    }

    /** The partition a record with this key goes to, by the producer's default partitioner. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /** Publishes one record, its value in UTF-8, and waits for the broker's acknowledgement. */
    public static void send(String bootstrapServers, String topic, String key, String value) {
        send(bootstrapServers, topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes one record with a value of any bytes and waits for the broker's acknowledgement. */
    public static void send(String bootstrapServers, String topic, String key, byte[] value) {
        send(bootstrapServers, topic, key, value, Map.of());
    }

    /** Publishes one record with headers (their values in UTF-8) and waits for the broker's acknowledgement. */
    public static void send(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) {
        send(bootstrapServers, topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void send(String bootstrapServers, String topic, String key, byte[] value,
            Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Publishes records, key to value in UTF-8, with one producer, and waits for the broker's acknowledgements. */
    public static void sendAll(String bootstrapServers, String topic, Map<String, String> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.entrySet().stream()
                    .map(record -> producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())))
                    .toList();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Every record the topic holds now (none if it does not exist), partition by partition. */
    public static List<ConsumerRecord<String, String>> all(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(topic, Duration.ofSeconds(30)))
                    .orElse(List.of()).stream().map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
            return records;
        }
    }

    /** The first record of the topic whose value matches, waiting up to {@code timeout} for it to arrive. */
    public static Optional<ConsumerRecord<String, String>> await(String bootstrapServers, String topic,
            Predicate<String> value, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (value.test(record.value())) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
