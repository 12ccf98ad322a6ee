package io.parley.call.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.LogCapture;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.events.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox relay (common/events) with the real broker and database: an event leaves the outbox only once Kafka
 * acknowledged it. A batch of which Kafka refuses an event stays whole in the outbox and is sent again on each pass;
 * once the refused event is removed, the rest goes out. Nothing committed is lost.
 */
@QuarkusTest
class OutboxDeliveryTest {

    private static final String TOPIC = "outbox.delivery.test";

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aBatchKafkaRefusesPartOfStaysInTheOutboxUntilItCanGo() throws SQLException {
        KafkaTopics.create(kafka, TOPIC);
        String marker = UUID.randomUUID().toString();
        List<UUID> events;
        try (LogCapture relayLog = LogCapture.of(OutboxRelay.class.getName())) {
            // the second event is over the producer's 1 MB request limit: Kafka refuses it, the first it takes
            events = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(TOPIC, 1, List.of(
                    new Outbox.Message(marker, "test.accepted", null, Map.of("marker", marker)),
                    new Outbox.Message(marker, "test.refused", null, Map.of("padding", "x".repeat(2 << 20))))));
            await().atMost(Duration.ofSeconds(60)).until(() -> relayLog.lines().stream()
                    .anyMatch(warning -> warning.contains("did not acknowledge")));
        }
        // the failed pass rolled back: both events are still there, the one Kafka took too
        assertEquals(2, stored(events));
        assertTrue(KafkaTopics.await(kafka, TOPIC, value -> value.contains(marker), Duration.ofSeconds(30))
                .isPresent(), "the accepted event was sent before the batch failed");

        // what Kafka cannot take is removed (an operator's fix): the next pass publishes the rest and empties the outbox
        try (Connection connection = dataSource.getConnection();
                PreparedStatement remove = connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE event_id = ?")) {
            remove.setObject(1, events.get(1));
            assertEquals(1, remove.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(events) == 0);
    }

    private long stored(List<UUID> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE event_id = ANY(?)")) {
            count.setArray(1, connection.createArrayOf("uuid", events.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
