package io.parley.common.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.parley.common.api.request.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox events to Kafka, oldest first, at least once: an event leaves the outbox only after the
 * broker acknowledged it. One relay at a time works on a database (a transaction-scoped advisory lock), so that the
 * events of one entity keep their order across replicas. It runs right after each commit and on a timer that
 * catches up after failures.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "parley-outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x5061726c65794f42L; // "ParleyOB"
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(EntityManager entityManager, @Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.entityManager = entityManager;
        this.emitter = emitter;
    }

    /** Asks for a relay pass soon; passes asked for while one is waiting collapse into it. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
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
        Uni.join().all(events.stream().map(this::send).toList()).andFailFast()
                .await().atMost(SEND_TIMEOUT);
        entityManager.createQuery("DELETE FROM OutboxEvent WHERE position <= :last")
                .setParameter("last", events.get(events.size() - 1).position)
                .executeUpdate();
        LOG.debugf("Published %d outbox events", events.size());
        return events.size() == BATCH;
    }

    private Uni<Void> send(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        if (event.requestId != null) {
            headers.add(RequestIds.HEADER, event.requestId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(metadata));
    }
}
