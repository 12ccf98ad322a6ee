package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox as gauges (docs/reliability.md, "Metrics"): events waiting to be published by topic
 * ({@code parley.outbox.pending}), the age of the oldest of them ({@code parley.outbox.oldest.pending.age}) and the
 * parked events ({@code parley.outbox.parked}). A scrape reads the values last counted; they are counted on a
 * schedule ({@code parley.outbox.metrics-interval}), by index probes, each count bounded like readiness's, so that
 * scrapes never reach the database and an outbox grown by a long broker outage is still counted quickly.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    /**
     * Per topic with pending events (one index probe per topic, as the relay finds its lanes): how many wait, up to
     * {@link OutboxTable#COUNTED}, and since when the oldest waits.
     */
    private static final String PENDING = """
            WITH RECURSIVE lane(topic) AS (
                SELECT min(topic) FROM outbox_event WHERE parked_at IS NULL
                UNION ALL
                SELECT (SELECT min(topic) FROM outbox_event WHERE parked_at IS NULL AND topic > lane.topic)
                FROM lane WHERE lane.topic IS NOT NULL)
            SELECT lane.topic,
                (SELECT count(*) FROM (SELECT FROM outbox_event e WHERE e.topic = lane.topic AND e.parked_at IS NULL
                    LIMIT ?) w),
                (SELECT extract(epoch FROM clock_timestamp() - e.created_at) FROM outbox_event e
                    WHERE e.topic = lane.topic AND e.parked_at IS NULL ORDER BY e.position LIMIT 1)
            FROM lane WHERE lane.topic IS NOT NULL""";

    private static final String PARKED = "SELECT count(*) FROM (SELECT FROM outbox_event WHERE parked_at IS NOT NULL"
            + " LIMIT ?) p";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final DataSource dataSource;
    private final MeterRegistry registry;
    /** Every topic published on, or that had pending events, since the start: one that has none now shows 0. */
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    OutboxMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
        Gauge.builder("parley.outbox.oldest.pending.age", oldestPendingAgeMillis, age -> age.get() / 1000.0)
                .description("How long the oldest event not yet published has waited in the outbox; 0 when none waits")
                .baseUnit("seconds").register(registry);
        Gauge.builder("parley.outbox.parked", parked, AtomicLong::get)
                .description("Events Kafka refused, parked with the later events of their keys").register(registry);
    }

    /**
     * The service publishes on {@code topic}: its pending events are shown from now on, 0 while none wait, so that a
     * dashboard and an alert find the topic's series before its first backlog.
     */
    void publishes(String topic) {
        pending.computeIfAbsent(topic, this::pendingGauge);
    }

    @Scheduled(every = "${parley.outbox.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> counted = new HashMap<>();
            double oldestSeconds = 0;
            try (PreparedStatement select = connection.prepareStatement(PENDING)) {
                select.setInt(1, OutboxTable.COUNTED);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counted.put(rows.getString(1), rows.getLong(2));
                        oldestSeconds = Math.max(oldestSeconds, rows.getDouble(3));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(PARKED)) {
                select.setInt(1, OutboxTable.COUNTED);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    parked.set(rows.getLong(1));
                }
            }
            counted.keySet().forEach(topic -> pending.computeIfAbsent(topic, this::pendingGauge));
            pending.forEach((topic, count) -> count.set(counted.getOrDefault(topic, 0L)));
            oldestPendingAgeMillis.set((long) (oldestSeconds * 1000));
        } catch (SQLException e) {
            // the values stay as last counted; readiness reports the database
            LOG.debugf("The outbox could not be counted: %s", e.getMessage());
        }
    }

    private AtomicLong pendingGauge(String topic) {
        AtomicLong count = new AtomicLong();
        Gauge.builder("parley.outbox.pending", count, AtomicLong::get)
                .description("Events in the outbox not yet published, by topic (counted up to " + OutboxTable.COUNTED
                        + ")")
                .tag("topic", topic).register(registry);
        return count;
    }
}
