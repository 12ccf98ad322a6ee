package io.parley.common.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Schemas of one embedded PostgreSQL, a new one per test, for tests of how a service's migrations treat databases
 * made before: a schema is migrated as the services used to migrate (one history, shared versions in it, out of
 * order) or as they do now (Flyway configured by the test), then read back with plain SQL.
 */
public final class MigrationSchemas {

    private final EmbeddedPostgresServer postgres;
    private final String prefix;
    private final List<String> sharedLocations;
    private int made;

    /**
     * @param prefix names the schemas: {@code prefix_1}, {@code prefix_2}...
     * @param sharedLocations the shared modules' migration locations the service migrates besides its own
     */
    public MigrationSchemas(EmbeddedPostgresServer postgres, String prefix, List<String> sharedLocations) {
        this.postgres = postgres;
        this.prefix = prefix;
        this.sharedLocations = List.copyOf(sharedLocations);
    }

    public synchronized String newSchema() {
        return prefix + "_" + ++made;
    }

    /**
     * Migrates as services did before their shared modules had histories of their own: one history holding the
     * shared versions too, applied out of order, up to {@code target} (the latest when null).
     */
    public void migrateAsBefore(String schema, String target, String serviceLocation) {
        List<String> locations = new ArrayList<>(List.of(serviceLocation));
        locations.addAll(sharedLocations);
        configure(schema)
                .locations(locations.toArray(String[]::new))
                .outOfOrder(true)
                .ignoreMigrationPatterns("*:missing")
                .target(target == null ? "latest" : target)
                .load()
                .migrate();
    }

    /** Flyway on the schema, as the database's owner, for the test to configure further. */
    public FluentConfiguration configure(String schema) {
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .schemas(schema);
    }

    /** The versions a Flyway history table of the schema holds, in the order they were applied. */
    public List<String> versions(String schema, String history) throws SQLException {
        return query(schema, "SELECT version FROM " + history + " WHERE version IS NOT NULL ORDER BY installed_rank");
    }

    /** The first column of every row the query answers, as text. */
    public List<String> query(String schema, String query) throws SQLException {
        try (Connection connection = connect(schema);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    public void execute(String schema, String statement) throws SQLException {
        try (Connection connection = connect(schema); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl() + "?currentSchema=" + schema,
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
