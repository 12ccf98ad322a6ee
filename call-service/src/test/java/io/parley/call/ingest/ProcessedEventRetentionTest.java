package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.common.events.inbox.ProcessedEventRetention;
import io.quarkus.test.junit.QuarkusTest;

/** Applied events are remembered for the deduplication window (seven days by default), then forgotten. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    ProcessedEventRetention retention;

    @Test
    void eventsAppliedBeforeTheWindowAreForgottenAndRecentOnesKept() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('test', ?, now() - ?::interval)")) {
            insert.setObject(1, old);
            insert.setString(2, "8 days");
            insert.executeUpdate();
            insert.setObject(1, recent);
            insert.setString(2, "6 days");
            insert.executeUpdate();
        }

        assertTrue(retention.prune() >= 1);

        assertTrue(Rows.first(dataSource, "SELECT * FROM processed_event WHERE event_id = ?", old).isEmpty());
        assertEquals(recent, Rows.first(dataSource, "SELECT * FROM processed_event WHERE event_id = ?", recent)
                .get("event_id"));
    }
}
