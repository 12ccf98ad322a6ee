package io.parley.common.events.inbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Forgets applied events once they are older than the deduplication window ({@code parley.events.dedupe-window},
 * seven days by default: Kafka's default retention, beyond which the broker cannot deliver an event again). Deletes
 * in small transactions, so that consumers recording new events never wait for it.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    private static final int CHUNK = 10_000;

    private final EntityManager entityManager;
    private final Duration window;

    ProcessedEventRetention(EntityManager entityManager,
            @ConfigProperty(name = "parley.events.dedupe-window", defaultValue = "P7D") Duration window) {
        this.entityManager = entityManager;
        this.window = window;
    }

    @Scheduled(every = "${parley.events.dedupe-prune-interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    /** @return how many applied events were forgotten */
    public long prune() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(window);
        long forgotten = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "DELETE FROM processed_event WHERE ctid = ANY(ARRAY(SELECT ctid FROM processed_event"
                            + " WHERE processed_at < :before LIMIT :chunk))")
                    .setParameter("before", before).setParameter("chunk", CHUNK).executeUpdate());
            forgotten += deleted;
        } while (deleted == CHUNK);
        if (forgotten > 0) {
            LOG.infof("Forgot %d applied events older than %s", forgotten, window);
        }
        return forgotten;
    }
}
