package io.parley.common.sql;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Work on a connection of the service's pool, in the caller's transaction, with the one translation of a JDBC failure
 * the services share: unchecked, with the {@link SQLException} as its cause, which the API's error mappers read to answer
 * 503 for a database that cannot serve now and 500 otherwise.
 */
public final class Jdbc {

    /** What to do with the connection. */
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** What to do with the connection, for its effect alone. */
    public interface Effect {
        void apply(Connection connection) throws SQLException;
    }

    /** Failed work: {@code what} names it, the cause says why. */
    public static final class Failure extends RuntimeException {

        Failure(String what, SQLException cause) {
            super(what + " failed", cause);
        }
    }

    private Jdbc() {
    }

    /** The work's result; {@code what} names the work for the failure's message ("Reading a call"). */
    public static <T> T on(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new Failure(what, e);
        }
    }

    /** Does the work; {@code what} names it for the failure's message ("Replicating a key"). */
    public static void run(DataSource dataSource, String what, Effect effect) {
        on(dataSource, what, connection -> {
            effect.apply(connection);
            return null;
        });
    }
}
