package io.parley.call.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.EmbeddedPostgresServer;
import io.parley.common.embedded.MigrationSchemas;
import io.parley.common.events.migration.ServiceMigrationSteps;

/**
 * Databases migrated before migrations were frozen and shared modules had histories of their own migrate to the
 * current schema, as the service's Flyway is configured (common/events microprofile-config.properties): the
 * shared modules' versions leave the service's history for their own, and earlier forms of call-service V1 and V2
 * (test resources {@code earlier-migrations/<commit>/}, from git) are brought to the landed form.
 */
class ExistingDatabasesMigrateTest {

    private static final List<String> SHARED = List.of("db/parley-events", "db/parley-directory-replica");

    private static EmbeddedPostgresServer postgres;
    private static MigrationSchemas schemas;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(null, 0, "parley");
        schemas = new MigrationSchemas(postgres, "calls", SHARED);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aDatabaseOfOneHistoryMovesTheSharedVersionsToTheirOwn() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, null, "db/migration");
        assertTrue(schemas.versions(schema, "flyway_schema_history").contains("0.1"));

        current(schema).migrate();

        List<String> service = schemas.versions(schema, "flyway_schema_history");
        assertTrue(service.stream().noneMatch(version -> version.startsWith("0.")), service.toString());
        assertTrue(service.contains("10"), service.toString());
        // the versions the service's history held, moved; versions added to a shared module since follow them
        assertEquals(List.of("0", "0.1", "0.6", "0.7", "0.9", "0.10"),
                schemas.versions(schema, "flyway_history_parley_events").subList(0, 6));
        assertEquals(List.of("0", "0.2", "0.3", "0.4", "0.5", "0.8"),
                schemas.versions(schema, "flyway_history_parley_directory_replica").subList(0, 6));
        assertEquals(0, current(schema).migrate().migrationsExecuted);
    }

    @Test
    void aNewSchemaGetsEverything() throws SQLException {
        String schema = schemas.newSchema();

        current(schema).migrate();

        assertTrue(schemas.versions(schema, "flyway_schema_history").contains("10"));
        assertTrue(schemas.versions(schema, "flyway_history_parley_events").contains("0.10"));
        assertTrue(schemas.versions(schema, "flyway_history_parley_directory_replica").contains("0.8"));
    }

    @Test
    void v1AsItFirstLandedGetsTheCallsGroupClientAndIgnoredCalls() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, "1", "earlier-migrations/25113db");

        current(schema).migrate();

        assertEquals(List.of("client_id", "group_id"), schemas.query(schema, """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = '%s' AND table_name = 'call' AND column_name IN ('group_id', 'client_id')
                ORDER BY 1""".formatted(schema)));
        assertEquals(List.of("ignored_call"), schemas.query(schema,
                "SELECT tablename FROM pg_tables WHERE schemaname = '%s' AND tablename = 'ignored_call'"
                        .formatted(schema)));
    }

    @Test
    void v2InEachEarlierFormIsBroughtToTheLandedOne() throws SQLException {
        for (String commit : List.of("a34bfc5", "d9bb020", "337e3a7")) {
            String schema = schemas.newSchema();
            schemas.migrateAsBefore(schema, "1", "db/migration");
            schemas.migrateAsBefore(schema, "2", "earlier-migrations/" + commit);

            current(schema).migrate();

            assertEquals(List.of("known_user_group_idx"), schemas.query(schema,
                    "SELECT indexname FROM pg_indexes WHERE schemaname = '%s' AND indexname = 'known_user_group_idx'"
                            .formatted(schema)),
                    commit);
        }
    }

    @Test
    void aChecksumNotKnownIsRefused() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, null, "db/migration");
        schemas.execute(schema, "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");

        assertThrows(FlywayValidateException.class, () -> current(schema).migrate());
    }

    /** The service's Flyway as Quarkus configures it (common/events microprofile-config.properties). */
    private static Flyway current(String schema) {
        return ServiceMigrationSteps.apply(schemas.configure(schema)
                .locations("db/migration")
                .outOfOrder(false)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .initSql("SET lock_timeout = '10s'"), SHARED)
                .load();
    }
}
