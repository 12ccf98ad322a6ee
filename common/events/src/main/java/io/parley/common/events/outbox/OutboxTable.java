package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The relay's reads and writes of {@code outbox_event}, on the connection of the caller's transaction. */
final class OutboxTable {

    private static final String COLUMNS = "position, event_id, topic, message_key, payload, request_id, trace_parent";

    /**
     * The topics with events waiting to be sent, one index probe per topic: a {@code DISTINCT} would read every
     * waiting event, and after an outage of the broker they can be millions.
     */
    private static final String PENDING_TOPICS = """
            WITH RECURSIVE lane(topic) AS (
                SELECT min(topic) FROM outbox_event WHERE parked_at IS NULL
                UNION ALL
                SELECT (SELECT min(topic) FROM outbox_event WHERE parked_at IS NULL AND topic > lane.topic)
                FROM lane WHERE lane.topic IS NOT NULL)
            SELECT topic FROM lane WHERE topic IS NOT NULL""";

    /** Parked events whose key has no earlier parked event: the ones Kafka refused, oldest first. */
    private static final String PARKED_FIRSTS = "SELECT " + COLUMNS + " FROM outbox_event parked"
            + " WHERE topic = ? AND parked_at IS NOT NULL AND position > ? AND NOT EXISTS (SELECT FROM outbox_event"
            + " earlier WHERE earlier.topic = parked.topic AND earlier.message_key = parked.message_key"
            + " AND earlier.parked_at IS NOT NULL AND earlier.position < parked.position)"
            + " ORDER BY position LIMIT ?";

    /**
     * How many events are pending and how many are parked, each counted up to {@link #COUNTED} (so that the count stays
     * quick after an outage of the broker), and the oldest parked event.
     */
    private static final String SUMMARY = "SELECT pending.count, parked.count, oldest.event_id, oldest.topic,"
            + " oldest.message_key, oldest.parked_at, oldest.parked_reason"
            + " FROM (SELECT count(*) FROM (SELECT FROM outbox_event WHERE parked_at IS NULL LIMIT ?) w) pending"
            + " CROSS JOIN (SELECT count(*) FROM (SELECT FROM outbox_event WHERE parked_at IS NOT NULL LIMIT ?) p) parked"
            + " LEFT JOIN (SELECT event_id, topic, message_key, parked_at, parked_reason FROM outbox_event"
            + " WHERE parked_at IS NOT NULL ORDER BY position LIMIT 1) oldest ON true";

    /** The most events counted in each state. */
    static final int COUNTED = 100_000;

    /** The state of the outbox: events pending, events parked, and the oldest parked one, if any. */
    record Summary(long pending, long parked, Optional<Parked> oldestParked) {
    }

    /** A parked event as operators see it: never its payload. */
    record Parked(UUID eventId, String topic, String key, OffsetDateTime since, String reason) {
    }

    private OutboxTable() {
    }

    static Summary summary(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SUMMARY)) {
            select.setInt(1, COUNTED);
            select.setInt(2, COUNTED);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                UUID oldestId = rows.getObject(3, UUID.class);
                Parked oldest = oldestId == null ? null
                        : new Parked(oldestId, rows.getString(4), rows.getString(5),
                                rows.getObject(6, OffsetDateTime.class), rows.getString(7));
                return new Summary(rows.getLong(1), rows.getLong(2), Optional.ofNullable(oldest));
            }
        }
    }

    static List<String> pendingTopics(Connection connection) throws SQLException {
        return topics(connection, PENDING_TOPICS);
    }

    static List<String> parkedTopics(Connection connection) throws SQLException {
        return topics(connection, "SELECT DISTINCT topic FROM outbox_event WHERE parked_at IS NOT NULL");
    }

    /** The lane's oldest events that are not parked, oldest first. */
    static List<OutboxEvent> pending(Connection connection, String topic, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox_event"
                + " WHERE topic = ? AND parked_at IS NULL ORDER BY position LIMIT ?")) {
            select.setString(1, topic);
            select.setInt(2, limit);
            return events(select);
        }
    }

    /** Of the given keys, those with parked events in the lane, each with the id of its first parked event. */
    static Map<String, UUID> parkedKeys(Connection connection, String topic, Collection<String> keys)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT ON (message_key)"
                + " message_key, event_id FROM outbox_event WHERE topic = ? AND message_key = ANY (?)"
                + " AND parked_at IS NOT NULL ORDER BY message_key, position")) {
            select.setString(1, topic);
            select.setArray(2, connection.createArrayOf("text", keys.toArray()));
            Map<String, UUID> parked = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parked.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return parked;
        }
    }

    /** The first parked event of each parked key of the lane, oldest first, after the given position. */
    static List<OutboxEvent> parkedFirsts(Connection connection, String topic, long after, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PARKED_FIRSTS)) {
            select.setString(1, topic);
            select.setLong(2, after);
            select.setInt(3, limit);
            return events(select);
        }
    }

    /** Removes events Kafka acknowledged. */
    static void delete(Connection connection, Collection<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM outbox_event WHERE position = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint",
                    events.stream().map(OutboxEvent::position).toArray()));
            delete.executeUpdate();
        }
    }

    /** Parks events, each with its reason; an event parked already keeps the time it was first parked. */
    static void park(Connection connection, Collection<ParkedEvent> parked) throws SQLException {
        if (parked.isEmpty()) {
            return;
        }
        try (PreparedStatement park = connection.prepareStatement("UPDATE outbox_event"
                + " SET parked_at = coalesce(parked_at, now()), parked_reason = ? WHERE position = ?")) {
            for (ParkedEvent event : parked) {
                park.setString(1, event.reason());
                park.setLong(2, event.event().position());
                park.addBatch();
            }
            park.executeBatch();
        }
    }

    /** Returns the parked events of the keys to the lane, where they wait in their places. */
    static int release(Connection connection, String topic, Collection<String> keys) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE outbox_event"
                + " SET parked_at = NULL, parked_reason = NULL"
                + " WHERE topic = ? AND message_key = ANY (?) AND parked_at IS NOT NULL")) {
            release.setString(1, topic);
            release.setArray(2, connection.createArrayOf("text", keys.toArray()));
            return release.executeUpdate();
        }
    }

    private static List<String> topics(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            List<String> topics = new ArrayList<>();
            while (rows.next()) {
                topics.add(rows.getString(1));
            }
            return topics;
        }
    }

    private static List<OutboxEvent> events(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<OutboxEvent> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new OutboxEvent(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
            return events;
        }
    }
}
