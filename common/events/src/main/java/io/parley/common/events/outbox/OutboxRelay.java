package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox events to Kafka at least once: an event leaves the outbox only after the broker
 * acknowledged it. Each topic is a lane of its own ({@link OutboxLane}), relayed oldest first, by one instance of
 * the service at a time. Events of one key keep their order: one Kafka can never accept is parked with the later
 * events of its key, and the rest goes on. A lane runs right after each commit of its events and on a timer that
 * catches up after failures; parked events are offered again on a slower one.
 *
 * <p>
 * It sends with Kafka's own producer, synchronously on the lane's thread, so that the lane's transaction never
 * travels to another thread.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final KafkaProducer<String, String> producer;
    private final OutboxPublisher publisher;
    private final Map<String, OutboxLane> lanes = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    OutboxRelay(DataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.config = config;
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        // a batch of the outbox goes out in a few requests: events are documents of a few KB, so Kafka's default
        // 16 KB batches would make a request of every few events. Never larger than the largest event, which a topic
        // must accept: a batch the broker refuses as too large is split into batches of this size and sent again,
        // forever if they are still too large.
        int maxRecordBytes = config.maxRecordSize().asBigInteger().intValueExact();
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.min(512 * 1024, maxRecordBytes));
        producerConfig.keySet().retainAll(ProducerConfig.configNames());
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        this.publisher = new OutboxPublisher(producer, SEND_TIMEOUT);
    }

    /** Asks the topic's lane for a pass soon. */
    void wake(String topic) {
        if (!stopped) {
            lane(topic).wake();
        }
    }

    /** Publishes what a previous run committed but could not publish before it stopped. */
    void onStart(@Observes StartupEvent event) {
        poll();
    }

    @Scheduled(every = "${parley.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try (Connection connection = dataSource.getConnection()) {
            OutboxTable.pendingTopics(connection).forEach(this::wake);
        } catch (SQLException e) {
            LOG.warnf("Outbox relay could not look for events to publish: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${parley.outbox.parked-retry-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryParked() {
        List<String> topics;
        try (Connection connection = dataSource.getConnection()) {
            topics = OutboxTable.parkedTopics(connection);
        } catch (SQLException e) {
            LOG.warnf("Outbox relay could not look for parked events: %s", e.getMessage());
            return;
        }
        if (!stopped) {
            topics.forEach(topic -> lane(topic).retryParked());
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        lanes.values().forEach(OutboxLane::stop);
        producer.close(Duration.ofSeconds(5));
    }

    private OutboxLane lane(String topic) {
        return lanes.computeIfAbsent(topic, name -> new OutboxLane(name, dataSource, publisher, config));
    }
}
