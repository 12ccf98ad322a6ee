package io.parley.directory.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.EmbeddedPostgresServer;
import io.parley.common.embedded.MigrationSchemas;
import io.parley.common.events.migration.ServiceMigrationSteps;

/**
 * Databases migrated before migrations were frozen and shared modules had histories of their own migrate to the
 * current schema, as the service's Flyway is configured (common/events microprofile-config.properties): the
 * outbox's versions leave the service's history for their own, and earlier forms of directory-service V5 (test
 * resources {@code earlier-migrations/<commit>/}, from git) are brought to the landed form, users' search text
 * included.
 */
class ExistingDatabasesMigrateTest {

    private static final List<String> SHARED = List.of("db/parley-events");

    private static EmbeddedPostgresServer postgres;
    private static MigrationSchemas schemas;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(null, 0, "parley");
        schemas = new MigrationSchemas(postgres, "directory", SHARED);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aDatabaseOfOneHistoryMovesTheSharedVersionsToTheirOwn() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, null, "db/migration");

        current(schema).migrate();

        List<String> service = schemas.versions(schema, "flyway_schema_history");
        assertTrue(service.stream().noneMatch(version -> version.startsWith("0.")), service.toString());
        assertEquals(List.of("0", "0.1", "0.6", "0.7", "0.9", "0.10", "0.14"),
                schemas.versions(schema, "flyway_history_parley_events"));
    }

    @Test
    void v5InEachEarlierFormIsBroughtToTheLandedOne() throws SQLException {
        for (String commit : List.of("77587da", "e1451b3")) {
            String schema = schemas.newSchema();
            schemas.migrateAsBefore(schema, "4", "db/migration");
            schemas.migrateAsBefore(schema, "5", "earlier-migrations/" + commit);
            schemas.execute(schema, """
                    INSERT INTO tenant (id, name, created_at)
                    VALUES ('00000000-0000-0000-0000-000000000001', 'Acme', now());
                    INSERT INTO role (id, tenant_id, name, access_level, created_at)
                    VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001', 'Agent',
                            'user', now());
                    INSERT INTO app_user (id, tenant_id, role_id, name, login, created_at)
                    VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',
                            '00000000-0000-0000-0000-000000000003', 'Ada Lovelace', 'ada', now());
                    """);

            current(schema).migrate();

            assertEquals(List.of("app_user_list_order_idx", "app_user_search_text_trgm_idx",
                    "app_user_tenant_name_idx"), schemas.query(schema, """
                            SELECT indexname FROM pg_indexes WHERE schemaname = '%s' AND indexname IN
                            ('app_user_list_order_idx', 'app_user_search_text_trgm_idx', 'app_user_tenant_name_idx',
                             'app_user_name_order_idx', 'app_user_login_trgm_idx') ORDER BY 1""".formatted(schema)),
                    commit);
            assertEquals(List.of("ada lovelace ada agent acme"), schemas.query(schema, "SELECT search_text FROM app_user"),
                    commit);
        }
    }

    /**
     * Names become unique under NFKC_Casefold: existing rows get their key, and look-alikes that exist already are
     * kept, the first of each (the System tenant, then the oldest) with the key, the others without, their names as
     * they were. The System tenant is marked to be published again, now that its events say what it is.
     */
    @Test
    void existingNamesGetTheirKeysAndExistingLookAlikesAreKept() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, "7", "db/migration");
        schemas.execute(schema, """
                INSERT INTO tenant (id, name, is_system, created_at) VALUES
                    ('00000000-0000-0000-0000-00000000000a', 'ſystem', false, now() - interval '1 day'),
                    ('00000000-0000-0000-0000-00000000000b', 'System', true, now()),
                    ('00000000-0000-0000-0000-00000000000c', 'Acme', false, now()),
                    ('00000000-0000-0000-0000-00000000000d', 'Other', false, now());
                INSERT INTO user_group (id, tenant_id, name, created_at) VALUES
                    ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000c', 'Sales',
                     now() - interval '1 day'),
                    ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-00000000000c', 'ＳＡＬＥＳ', now()),
                    ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-00000000000d', 'Sales', now());
                INSERT INTO role (id, tenant_id, name, access_level, created_at) VALUES
                    ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-00000000000c', 'Agent', 'user',
                     now() - interval '1 day'),
                    ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-00000000000c', 'A' || chr(173)
                     || 'gent', 'user', now());
                INSERT INTO client (id, tenant_id, name, created_at) VALUES
                    ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000c', 'Straße GmbH',
                     now() - interval '1 day'),
                    ('00000000-0000-0000-0000-0000000000c2', '00000000-0000-0000-0000-00000000000c', 'STRASSE  GMBH',
                     now());
                """);

        current(schema).migrate();

        assertEquals(List.of("ſystem:null", "System:system", "Acme:acme", "Other:other", "Sales:sales",
                "ＳＡＬＥＳ:null", "Sales:sales", "Agent:agent", "A\u00ADgent:null", "Straße GmbH:strasse gmbh",
                "STRASSE  GMBH:null"), schemas.query(schema, """
                        SELECT name || ':' || coalesce(name_key, 'null') FROM (
                            SELECT id, name, name_key FROM tenant UNION ALL SELECT id, name, name_key FROM user_group
                            UNION ALL SELECT id, name, name_key FROM role UNION ALL SELECT id, name, name_key FROM client
                        ) named ORDER BY id"""));
        assertEquals(List.of("System"), schemas.query(schema, "SELECT name FROM tenant WHERE announce_again"));
        assertEquals(List.of("client_normalized_name_key", "role_normalized_name_key",
                "tenant_normalized_name_key", "user_group_normalized_name_key"), schemas.query(schema, """
                        SELECT indexname FROM pg_indexes WHERE schemaname = '%s' AND indexname LIKE '%%normalized%%'
                        AND indexdef LIKE 'CREATE UNIQUE INDEX%%' ORDER BY 1""".formatted(schema)));
    }

    /**
     * Tenants whose calls are associated by condition are published again, so that replicas which did not keep the
     * condition learn it; the others are not.
     */
    @Test
    void conditionTenantsAreMarkedToBeAnnouncedAgain() throws SQLException {
        String schema = schemas.newSchema();
        schemas.migrateAsBefore(schema, "9", "db/migration");
        schemas.execute(schema, """
                INSERT INTO tenant (id, name, name_key, created_at, associate_calls, associate_calls_condition) VALUES
                    ('00000000-0000-0000-0000-00000000000a', 'Flexus', 'flexus', now(), 'condition',
                     'BroadWorks-serviceProviderID = "FlexusProvider" AND BroadWorks-groupID = "FlexusGroup"'),
                    ('00000000-0000-0000-0000-00000000000b', 'Acme', 'acme', now(), 'extension', '');
                """);

        current(schema).migrate();

        assertEquals(List.of("Flexus"), schemas.query(schema, "SELECT name FROM tenant WHERE announce_again"));
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
