package io.parley.call.association;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Orders the association of new calls with the directory's news of users' extensions. An ingest batch associates its
 * calls with the extensions the replica holds when it reads them; {@link LateAssociation} associates, when a user's
 * extensions become known, the calls stored without them. Run at the same time, each would miss what the other has
 * not committed yet, and a call would stay without its tenant. So ingest holds this lock shared for its transaction
 * (batches never wait for one another) and late association exclusively: it waits for the batches in flight to
 * commit, and the batches after it see the extensions. A transaction-scoped advisory lock, of the two-key space
 * ({@code "AS"}, 0), apart from the calls' own locks and the outbox's.
 */
public final class AssociationLock {

    private static final int ASSOCIATION = 0x4153;

    private AssociationLock() {
    }

    /** Taken by an ingest batch, first in its transaction. */
    public static void shared(Connection connection) throws SQLException {
        take(connection, "SELECT pg_advisory_xact_lock_shared(?, 0)");
    }

    /** Taken by late association, before it looks for the calls that wait. */
    static void exclusive(Connection connection) throws SQLException {
        take(connection, "SELECT pg_advisory_xact_lock(?, 0)");
    }

    private static void take(Connection connection, String sql) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setInt(1, ASSOCIATION);
            lock.execute();
        }
    }
}
