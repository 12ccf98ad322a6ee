package io.parley.common.events.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL extensions Parley's migrations use, installed by an operator beforehand or by the migrations
 * themselves (common/events V0_10 creates pg_trgm in pg_catalog where it is missing). Where it is missing and the
 * service's database user may not create it, the service stops before migrating, saying what the operator must run,
 * instead of failing halfway through a migration with "permission denied".
 */
final class RequiredExtensions {

    static final String PG_TRGM = "pg_trgm";

    private RequiredExtensions() {
    }

    static void check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (installed(connection)) {
                return;
            }
            if (!mayCreate(connection)) {
                throw new FlywayException(missing(connection));
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot check the PostgreSQL extensions Parley needs: " + e.getMessage(), e);
        }
    }

    private static boolean installed(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT 1 FROM pg_extension WHERE extname = '" + PG_TRGM + "'")) {
            return rows.next();
        }
    }

    /**
     * Tries what the migration will do, in a transaction rolled back whatever happens: the privileges involved
     * (superuser, or CREATE on the database for a trusted extension, the extension's files on the server) are
     * PostgreSQL's to judge. The migrations' lock on extension changes is taken first, as they do.
     */
    private static boolean mayCreate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_advisory_xact_lock(hashtext('parley:extensions'))");
            if (installed(connection)) {
                return true;
            }
            sql.execute("CREATE EXTENSION " + PG_TRGM + " SCHEMA pg_catalog");
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String missing(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT current_database(), current_user")) {
            rows.next();
            return ("The PostgreSQL extension %1$s is not installed in database \"%2$s\", and user \"%3$s\" may not "
                    + "install it. As a superuser, run in database \"%2$s\": CREATE EXTENSION IF NOT EXISTS %1$s "
                    + "SCHEMA pg_catalog; then start the service again (docs/configuration.md, \"Database\").")
                    .formatted(PG_TRGM, rows.getString(1), rows.getString(2));
        }
    }
}
