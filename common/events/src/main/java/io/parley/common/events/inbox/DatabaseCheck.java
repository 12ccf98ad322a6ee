package io.parley.common.events.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks the database, in statements of its own, what a failed attempt at a record could not tell: whether the
 * database is up and takes writes (then a record it refused alone is at fault), and which columns a constraint or
 * index it named covers.
 */
@ApplicationScoped
class DatabaseCheck {

    private static final String COLUMNS = """
            SELECT string_agg(a.attname, ', ' ORDER BY a.attnum) FROM pg_attribute a
             WHERE (a.attrelid, a.attnum) IN (
                   SELECT c.conrelid, unnest(c.conkey) FROM pg_constraint c
                     JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? AND c.conname = ?
                   UNION
                   SELECT x.indrelid, unnest(x.indkey::int2[]) FROM pg_index x
                     JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
                    WHERE n.nspname = ? AND i.relname = ?)
            """;

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code true} when a connection can be had and the database is a primary taking writes. */
    boolean takesWrites() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'");
                ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The columns of a constraint or index, comma-separated; empty if it names none (or is unknown). */
    Optional<String> columnsOf(String schema, String constraintOrIndex) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setString(1, schema);
            query.setString(2, constraintOrIndex);
            query.setString(3, schema);
            query.setString(4, constraintOrIndex);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
