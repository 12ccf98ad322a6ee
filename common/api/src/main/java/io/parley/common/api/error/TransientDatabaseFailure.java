package io.parley.common.api.error;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that the same request sent again in a moment would not meet from any other: a database the service
 * cannot use now (connections refused or dropped, a server shutting down or starting, too many connections, a
 * read-only standby after a failover, the connection pool's acquisition timeout: a JDBC failure without SQLSTATE,
 * raised before the database was asked), or a transaction the database gave up on because it waited on another's
 * locks (a deadlock, a serialization failure, a lock wait past {@code lock_timeout}). Either way it stored nothing.
 */
final class TransientDatabaseFailure {

    private static final Set<String> STATES = Set.of(
            "57P01", // admin shutdown
            "57P02", // crash shutdown
            "57P03", // cannot connect now: starting up
            "53300", // too many connections
            "25006", // read-only SQL transaction: a standby after a failover
            "40P01", // deadlock detected: this transaction was chosen to give way
            "40001", // serialization failure
            "55P03"); // lock not available: lock_timeout

    private TransientDatabaseFailure() {
    }

    /** Why the request could not be served now, without values ({@code SQLSTATE 08006}), if the failure says so. */
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
