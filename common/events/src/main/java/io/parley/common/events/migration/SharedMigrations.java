package io.parley.common.events.migration;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * A shared module's migrations (common/events {@code db/parley-events}, common/directory-replica
 * {@code db/parley-directory-replica}), versioned 0.x, applied in each service's schema with a history table of
 * their own ({@code flyway_history_parley_events}, ...), so that neither history needs out-of-order migrations: a
 * new shared version is above every shared version before it, whatever the service's own versions are.
 * <p>
 * A database migrated before shared modules had their own histories lists their versions in the service's history:
 * those rows are moved, as they are (checksums included), to the module's history, which starts with a baseline at
 * version 0. A new schema gets the same baseline, and then every shared version.
 */
final class SharedMigrations {

    private SharedMigrations() {
    }

    static void migrate(Configuration service, String location) {
        Flyway shared = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(service.getSchemas())
                .defaultSchema(service.getDefaultSchema())
                .table(historyTable(location))
                .locations(location)
                .initSql(service.getInitSql())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("<< Shared module history >>")
                .validateMigrationNaming(true)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load();
        moveFromServiceHistory(shared, service);
        shared.migrate();
    }

    /** {@code db/parley-events} gives {@code flyway_history_parley_events}. */
    static String historyTable(String location) {
        String name = location.substring(location.lastIndexOf('/') + 1);
        return "flyway_history_" + name.replace('-', '_');
    }

    private static void moveFromServiceHistory(Flyway shared, Configuration service) {
        try (Connection connection = open(service)) {
            String schema = quote(schema(service, connection));
            String serviceHistory = schema + "." + quote(service.getTable());
            String sharedHistory = schema + "." + quote(shared.getConfiguration().getTable());
            if (!exists(connection, serviceHistory)) {
                return;
            }
            String[] versions = Arrays.stream(shared.info().all())
                    .map(MigrationInfo::getVersion)
                    .filter(Objects::nonNull)
                    .map(version -> version.getVersion())
                    .toArray(String[]::new);
            Array sharedVersions = connection.createArrayOf("text", versions);
            if (!holds(connection, serviceHistory, sharedVersions)) {
                return;
            }
            if (!exists(connection, sharedHistory)) {
                shared.baseline();
            }
            connection.setAutoCommit(false);
            try (PreparedStatement copy = connection.prepareStatement("""
                    INSERT INTO %1$s (installed_rank, version, description, type, script, checksum, installed_by,
                                      installed_on, execution_time, success)
                    SELECT (SELECT max(installed_rank) FROM %1$s) + row_number() OVER (ORDER BY installed_rank),
                           version, description, type, script, checksum, installed_by, installed_on,
                           execution_time, success
                    FROM %2$s
                    WHERE version = ANY (?) AND version NOT IN (SELECT version FROM %1$s WHERE version IS NOT NULL)
                    """.formatted(sharedHistory, serviceHistory));
                    PreparedStatement remove = connection
                            .prepareStatement("DELETE FROM " + serviceHistory + " WHERE version = ANY (?)")) {
                copy.setArray(1, sharedVersions);
                copy.executeUpdate();
                remove.setArray(1, sharedVersions);
                remove.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot move the shared migrations of " + shared.getConfiguration().getTable()
                    + " out of " + service.getTable() + ": " + e.getMessage(), e);
        }
    }

    /** A connection of Flyway's data source, with its session set as Flyway's own are ({@code init-sql}). */
    static Connection open(Configuration configuration) throws SQLException {
        Connection connection = configuration.getDataSource().getConnection();
        if (configuration.getInitSql() != null && !configuration.getInitSql().isBlank()) {
            try (Statement sql = connection.createStatement()) {
                sql.execute(configuration.getInitSql());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    /** The schema Flyway keeps its history in: the one configured, else the connection's current schema. */
    static String schema(Configuration configuration, Connection connection) throws SQLException {
        if (configuration.getDefaultSchema() != null) {
            return configuration.getDefaultSchema();
        }
        if (configuration.getSchemas().length > 0) {
            return configuration.getSchemas()[0];
        }
        try (PreparedStatement sql = connection.prepareStatement("SELECT current_schema()");
                ResultSet rows = sql.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            sql.setString(1, table);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean holds(Connection connection, String history, Array versions) throws SQLException {
        try (PreparedStatement sql = connection
                .prepareStatement("SELECT EXISTS (SELECT 1 FROM " + history + " WHERE version = ANY (?))")) {
            sql.setArray(1, versions);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
