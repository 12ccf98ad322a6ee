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
 * call-service migrates as a database user that is no superuser and may not create extensions
 * (docs/configuration.md, "Database"): without pg_trgm it stops before migrating, naming the command an operator
 * runs; once the operator has run it, it migrates.
 */
class ExtensionsInstalledByTheOperatorTest {

    @Test
    void aServiceUserThatMayNotCreatePgTrgmIsToldWhatTheOperatorRunsAndMigratesOnceTheyDid() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, "parley")) {
            // the embedded server trusts local connections: the service's role needs no password here
            asSuperuser(postgres, "CREATE ROLE parley_calls LOGIN",
                    "CREATE SCHEMA calls AUTHORIZATION parley_calls");

            FlywayException refused = assertThrows(FlywayException.class, () -> flyway(postgres).migrate());
            assertTrue(refused.getMessage().contains("As a superuser, run in database \"parley\": "
                    + "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA pg_catalog;"), refused.getMessage());
            assertEquals(List.of(), tables(postgres));

            asSuperuser(postgres, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA pg_catalog");
            flyway(postgres).migrate();

            assertTrue(tables(postgres).containsAll(List.of("call", "outbox_event", "known_user")),
                    tables(postgres).toString());
        }
    }

    private static Flyway flyway(EmbeddedPostgresServer postgres) {
        return ServiceMigrationSteps.apply(Flyway.configure()
                .dataSource(postgres.jdbcUrl(), "parley_calls", "")
                .schemas("calls")
                .locations("db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0"), List.of("db/parley-events", "db/parley-directory-replica"))
                .load();
    }

    private static void asSuperuser(EmbeddedPostgresServer postgres, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static List<String> tables(EmbeddedPostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'calls' "
                        + "AND tablename NOT LIKE 'flyway%' ORDER BY 1")) {
            List<String> tables = new java.util.ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables;
        }
    }
}
