package io.parley.common.events.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.common.sql.Jdbc;

/**
 * Makes a consumer idempotent: it records the event id in the same transaction as the event's effect, so a
 * redelivered event is recognised and skipped, and an effect is never recorded without its event or the reverse.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = "INSERT INTO processed_event (consumer, event_id)"
            + " SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id";

    private final DataSource dataSource;

    ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims an event for a consumer.
     *
     * @return {@code true} the first time this consumer sees the event; {@code false} for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return firstDeliveries(consumer, List.of(eventId)).contains(eventId);
    }

    /**
     * Claims a batch of events for a consumer, in one statement.
     *
     * @return the ids among {@code eventIds} this consumer had not seen before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        return Jdbc.on(dataSource, "Claiming events", connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, consumer);
                claim.setArray(2, connection.createArrayOf("uuid", eventIds.stream().distinct().toArray()));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }
}
