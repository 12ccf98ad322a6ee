package io.parley.call.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.EmbeddedPostgresServer;
import io.parley.common.events.migration.ServiceMigrationSteps;

/**
 * The migration pattern for large tables (docs/configuration.md, "Migrations of large tables"), run by this
 * project's Flyway: an index built {@code CONCURRENTLY} in a migration its {@code .sql.conf} takes out of a
 * transaction, a constraint added {@code NOT VALID} and validated by the next; and a migration that waits for a
 * lock longer than {@code lock_timeout} fails, leaving nothing behind, and succeeds when started again.
 */
class LargeTableMigrationPatternTest {

    @Test
    void indexesBuildConcurrentlyConstraintsValidateApartAndLockWaitsAreBounded() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, "parley")) {
            flyway(postgres, "2").migrate();
            assertEquals("true", value(postgres, "SELECT indisvalid::text FROM pg_index "
                    + "WHERE indexrelid = 'pattern.recording_recorder_idx'::regclass"));

            try (Connection holder = connect(postgres); Statement sql = holder.createStatement()) {
                holder.setAutoCommit(false);
                sql.execute("LOCK TABLE pattern.recording IN ACCESS SHARE MODE");
                FlywayException timedOut = assertThrows(FlywayException.class, () -> flyway(postgres, "3").migrate());
                assertTrue(String.valueOf(timedOut.getMessage()).contains("lock timeout"), timedOut.getMessage());
                assertEquals("0", value(postgres, "SELECT count(*) FROM pg_constraint "
                        + "WHERE conname = 'recording_seconds_check'"));
                holder.rollback();
            }

            flyway(postgres, "latest").migrate();
            assertEquals("true", value(postgres, "SELECT convalidated::text FROM pg_constraint "
                    + "WHERE conname = 'recording_seconds_check'"));
        }
    }

    private static Flyway flyway(EmbeddedPostgresServer postgres, String target) {
        return ServiceMigrationSteps.apply(Flyway.configure()
                .dataSource(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .schemas("pattern")
                .locations("large-table-pattern")
                .initSql("SET lock_timeout = '1s'")
                .target(target), List.of())
                .load();
    }

    private static String value(EmbeddedPostgresServer postgres, String query) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }
}
