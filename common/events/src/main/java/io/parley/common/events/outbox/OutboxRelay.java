package io.parley.common.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

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
 * It sends with Kafka's own producer, synchronously on the relay thread: the database transaction that holds the
 * lock never travels to another thread, and an acknowledgement is awaited before the rows are deleted.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x5061726c65794f42L; // "ParleyOB"
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(EntityManager entityManager, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.entityManager = entityManager;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
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
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, retrying on the next pass: %s", e.getMessage());
        }
    }

    /** @return whether a full batch went out, so that more may be waiting */
    private boolean publishBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK)
                .getSingleResult();
        if (!locked) {
            return false;
        }
        List<OutboxEvent> events = entityManager
                .createQuery("FROM OutboxEvent ORDER BY position", OutboxEvent.class)
                .setMaxResults(BATCH)
                .getResultList();
        if (events.isEmpty()) {
            return false;
        }
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            acknowledgements.add(producer.send(record(event)));
        }
        awaitAll(acknowledgements);
        // exactly the rows sent: an event committed meanwhile with an earlier position was not read, and waits
        entityManager.createQuery("DELETE FROM OutboxEvent WHERE position IN :sent")
                .setParameter("sent", events.stream().map(event -> event.position).toList())
                .executeUpdate();
        LOG.debugf("Published %d outbox events", events.size());
        return events.size() == BATCH;
    }

    private static ProducerRecord<String, String> record(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.messageKey, event.payload);
        if (event.requestId != null) {
            record.headers().add(RequestIds.HEADER, event.requestId.getBytes(StandardCharsets.UTF_8));
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
