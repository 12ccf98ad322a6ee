package io.parley.common.api.error;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure caused by a database the service cannot use now from any other: connections refused or dropped, a
 * server shutting down or starting, too many connections, a read-only standby after a failover, or the connection
 * pool's acquisition timeout (a JDBC failure without SQLSTATE, raised before the database was asked). A request that
 * failed so may be sent again in a moment.
 */
final class UnreachableDatabase {

    private static final Set<String> STATES = Set.of(
            "57P01", // admin shutdown
            "57P02", // crash shutdown
            "57P03", // cannot connect now: starting up
            "53300", // too many connections
            "25006"); // read-only SQL transaction: a standby after a failover

    private UnreachableDatabase() {
    }

    /** Why the database cannot be used, without values ({@code SQLSTATE 08006}), if the failure says so. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    return Optional.of("no connection from the pool: " + sql.getMessage());
                }
                if (state.startsWith("08") || STATES.contains(state)) {
                    return Optional.of("SQLSTATE " + state);
                }
            }
        }
        return Optional.empty();
    }
}
