package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.parley.common.events.outbox.OutboxPublisher.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Relays the events of one topic, oldest first, on a thread of its own: a topic with a backlog never holds back
 * another (a recorder command does not wait for thousands of call documents), and Kafka promises order only within
 * a topic. It takes the lane's {@link OutboxLock} for each batch, so that one instance at a time relays the lane.
 *
 * <p>
 * A batch is sent in one transaction: the events Kafka acknowledged leave the outbox and those it refused are
 * parked, with the later events of their keys, when it commits; the others stay where they are and are sent again
 * after a pause that doubles with each failure. Parked events are offered to Kafka again when
 * {@link #retryParked()} asks: once Kafka takes the first one of a key, the others return to the lane in their places.
 */
final class OutboxLane {

    private static final Logger LOG = Logger.getLogger(OutboxLane.class);
    private static final int BATCH = 500;
    /** Parked events are the large ones: a few at a time. */
    private static final int PARKED_BATCH = 20;
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    /** Longer than sending a batch may take ({@link OutboxPublisher}: twice its send timeout). */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 120;

    /** Events taken from the lane: how many, the last one's position, and what became of them. */
    private record Batch(int size, long last, Outcome outcome) {

        static final Batch NONE = new Batch(0, 0, null);
    }

    private final String topic;
    private final DataSource dataSource;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean parkedRetryAsked = new AtomicBoolean();
    private volatile long pausedUntil = System.nanoTime();
    private Duration pause = Duration.ZERO;

    OutboxLane(String topic, DataSource dataSource, OutboxPublisher publisher, OutboxConfig config) {
        this.topic = topic;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-" + topic);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Asks for a pass soon, unless the lane pauses after a failure; passes asked for while one is waiting collapse
     * into it. Once the application is stopping, asks for nothing: the next start publishes what is left.
     */
    void wake() {
        if (System.nanoTime() - pausedUntil < 0 || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::pass);
        } catch (RejectedExecutionException stopping) {
            LOG.debugf("Outbox relay of %s stopped; what is left goes out on the next start", topic);
        }
    }

    /** Asks the next pass to offer the lane's parked events to Kafka again first. */
    void retryParked() {
        parkedRetryAsked.set(true);
        wake();
    }

    void stop() {
        worker.shutdownNow();
    }

    /** Retries parked events if asked, then publishes batches until the lane is empty, or locked elsewhere. */
    private void pass() {
        queued.set(false);
        try {
            if (parkedRetryAsked.get()) {
                retryParkedEvents();
                parkedRetryAsked.set(false);
            }
            while (relayBatch()) {
                // more may be waiting
            }
            pause = Duration.ZERO;
        } catch (RuntimeException e) {
            pause = pause.isZero() ? config.pollInterval() : min(pause.multipliedBy(2), LONGEST_PAUSE);
            pausedUntil = System.nanoTime() + pause.toNanos();
            LOG.warnf("Outbox relay of %s failed, retrying in %s: %s", topic, pause, message(e));
        }
    }

    /** @return whether more events may be waiting: a full batch went out, or not all of one */
    private boolean relayBatch() {
        Batch batch = inTransaction(connection -> {
            List<OutboxEvent> events = OutboxTable.pending(connection, topic, BATCH);
            if (events.isEmpty()) {
                return Batch.NONE;
            }
            Map<String, UUID> parkedKeys = OutboxTable.parkedKeys(connection, topic,
                    events.stream().map(OutboxEvent::key).distinct().toList());
            Outcome outcome = publisher.send(events, parkedKeys);
            OutboxTable.delete(connection, outcome.acknowledged());
            OutboxTable.park(connection, Stream.concat(outcome.refused().stream(), outcome.behind().stream())
                    .toList());
            return new Batch(events.size(), events.get(events.size() - 1).position(), outcome);
        });
        if (batch.outcome() == null) {
            return false;
        }
        Outcome outcome = batch.outcome();
        LOG.debugf("Published %d outbox events of %s", outcome.acknowledged().size(), topic);
        for (ParkedEvent parked : outcome.refused()) {
            LOG.warnf("Kafka refused outbox event %s on %s (key %s); it is parked with the later events of its key,"
                    + " and offered again every %s: %s", parked.event().eventId(), topic, parked.event().key(),
                    config.parkedRetryInterval(), parked.reason());
        }
        for (ParkedEvent parked : outcome.behind()) {
            LOG.warnf("Outbox event %s on %s (key %s) is parked: %s", parked.event().eventId(), topic,
                    parked.event().key(), parked.reason());
        }
        failOn(outcome);
        return batch.size() == BATCH || outcome.handled() < batch.size();
    }

    /**
     * Offers the first parked event of each key to Kafka again, a few in each transaction; the parked events behind
     * one it takes return to the lane.
     */
    private void retryParkedEvents() {
        long after = 0;
        while (true) {
            long from = after;
            Batch firsts = inTransaction(connection -> {
                List<OutboxEvent> events = OutboxTable.parkedFirsts(connection, topic, from, PARKED_BATCH);
                if (events.isEmpty()) {
                    return Batch.NONE;
                }
                Outcome outcome = publisher.send(events, Map.of());
                OutboxTable.delete(connection, outcome.acknowledged());
                OutboxTable.release(connection, topic, outcome.acknowledged().stream().map(OutboxEvent::key).toList());
                OutboxTable.park(connection, outcome.refused());
                return new Batch(events.size(), events.get(events.size() - 1).position(), outcome);
            });
            if (firsts.outcome() == null) {
                return;
            }
            for (OutboxEvent published : firsts.outcome().acknowledged()) {
                LOG.infof("Parked outbox event %s on %s (key %s) is published; the events of its key parked behind"
                        + " it follow", published.eventId(), topic, published.key());
            }
            for (ParkedEvent parked : firsts.outcome().refused()) {
                LOG.warnf("Parked outbox event %s on %s (key %s) is still refused, offered again in %s: %s",
                        parked.event().eventId(), topic, parked.event().key(), config.parkedRetryInterval(),
                        parked.reason());
            }
            failOn(firsts.outcome());
            after = firsts.last();
        }
    }

    /** Works on the lane in a transaction of its own, holding its lock; nothing when another relay holds it. */
    private Batch inTransaction(LaneWork work) {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return OutboxLock.tryLock(connection, topic) ? work.on(connection) : Batch.NONE;
            }
        });
    }

    @FunctionalInterface
    private interface LaneWork {
        Batch on(Connection connection) throws SQLException;
    }

    private void failOn(Outcome outcome) {
        if (outcome.failure() != null) {
            throw new IllegalStateException("Kafka did not acknowledge: " + message(outcome.failure()),
                    outcome.failure());
        }
    }

    private static String message(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
