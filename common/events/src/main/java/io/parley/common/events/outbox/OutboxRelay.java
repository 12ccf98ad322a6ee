package io.parley.common.events.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.common.api.request.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox events to Kafka, oldest first, at least once: an event leaves the outbox only after the
 * broker acknowledged it. One relay at a time works on a database (a transaction-scoped advisory lock), so that the
 * events of one entity keep their order across replicas. It runs right after each commit and on a timer that
 * catches up after failures.
 *
 * <p>
 * A batch is taken out of the outbox and sent in one transaction: its rows are deleted first, and the deletion
 * commits only once the broker acknowledged every event; a send that fails rolls it back. It sends with Kafka's own
 * producer, synchronously on the relay thread, so that the transaction never travels to another thread.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x5061726c65794f42L; // "ParleyOB"
    private static final int BATCH = 500;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The oldest events, taken out of the outbox. Exactly the rows read: an event committed meanwhile with an earlier
     * position is not seen, and waits for the next batch. Their positions are collected into an array first, then
     * looked up one by one in the primary key: as a join, the planner went by statistics of a queue that is mostly
     * empty when analyzed, and joined a full batch by comparing every row with every other (3.3 s for one batch).
     */
    private static final String TAKE_OLDEST = "DELETE FROM outbox_event WHERE position = ANY (ARRAY("
            + "SELECT position FROM outbox_event ORDER BY position LIMIT ?))"
            + " RETURNING position, topic, message_key, payload, request_id";

    /** An event as the outbox holds it. */
    private record Event(String topic, String key, String payload, String requestId) {
    }

    private final DataSource dataSource;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(DataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        // a batch of the outbox goes out in a few requests: events are documents of a few KB, 16 KB batches made
        // the broker handle a request for every few events
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.keySet().retainAll(ProducerConfig.configNames());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * Asks for a relay pass soon; passes asked for while one is waiting collapse into it. Once the application is
     * stopping, asks for nothing: the next start publishes what is left.
     */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException stopping) {
                LOG.debug("Outbox relay stopped; what is left goes out on the next start");
            }
        }
    }

    /** Publishes what a previous run committed but could not publish before it stopped. */
    void onStart(@Observes StartupEvent event) {
        wake();
    }

    @Scheduled(every = "${parley.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    /** Publishes batches until the outbox is empty, another relay holds the lock, or the broker fails. */
    void drain() {
        try {
            boolean more = true;
            while (more) {
                more = QuarkusTransaction.requiringNew().call(this::publishBatch);
            }
        } catch (Exception e) {
            LOG.warnf("Outbox relay pass failed, retrying on the next pass: %s", e.getMessage());
        }
    }

    /** @return whether a full batch went out, so that more may be waiting */
    private boolean publishBatch() throws SQLException {
        List<Event> events;
        try (Connection connection = dataSource.getConnection()) {
            if (!locked(connection)) {
                return false;
            }
            events = takeOldest(connection);
        }
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        for (Event event : events) {
            acknowledgements.add(producer.send(record(event)));
        }
        awaitAll(acknowledgements);
        LOG.debugf("Published %d outbox events", events.size());
        return events.size() == BATCH;
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** The batch, in publication order (a deletion returns its rows in no particular order). */
    private static List<Event> takeOldest(Connection connection) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE_OLDEST)) {
            take.setInt(1, BATCH);
            TreeMap<Long, Event> byPosition = new TreeMap<>();
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    byPosition.put(rows.getLong(1), new Event(rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
            return new ArrayList<>(byPosition.values());
        }
    }

    private static ProducerRecord<String, String> record(Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        if (event.requestId() != null) {
            record.headers().add(RequestIds.HEADER, event.requestId().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static void awaitAll(List<Future<RecordMetadata>> acknowledgements) {
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the outbox", e);
        }
    }
}
