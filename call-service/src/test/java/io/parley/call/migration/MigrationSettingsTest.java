package io.parley.call.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * call-service's Flyway as the application configures it: its own migrations only, in order, with a lock timeout;
 * the shared modules' migrations applied before, each in its own history.
 */
@QuarkusTest
class MigrationSettingsTest {

    @Inject
    Flyway flyway;

    @Inject
    DataSource dataSource;

    @Test
    void ownMigrationsInOrderWithALockTimeoutAfterTheSharedOnesInTheirHistories() throws SQLException {
        assertFalse(flyway.getConfiguration().isOutOfOrder());
        assertEquals(List.of("classpath:db/migration"),
                List.of(flyway.getConfiguration().getLocations()).stream().map(Location::getDescriptor).toList());
        assertEquals("SET lock_timeout = '10s'", flyway.getConfiguration().getInitSql());

        assertEquals(List.of(), versions("flyway_schema_history WHERE version LIKE '0.%'"));
        assertTrue(versions("flyway_history_parley_events").contains("0.10"));
        assertTrue(versions("flyway_history_parley_directory_replica").contains("0.8"));
    }

    private List<String> versions(String history) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT version FROM calls." + history)) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }
}
