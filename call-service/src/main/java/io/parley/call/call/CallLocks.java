package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Serializes the writers of a call until their transactions end: recorder ingest, deletion through the API. Held,
 * a writer sees what the other committed before it: ingest sees a call deleted meanwhile as deleted and does not
 * bring it back; a delete removes the call as ingest left it. Transaction-scoped advisory locks, taken in one order,
 * so that two writers of several calls never deadlock; their key space (two 32-bit keys) is apart from the outbox
 * relay's single 64-bit key.
 */
public final class CallLocks {

    /** The first key of every call lock: "CL". */
    private static final int CALLS = 0x434C;

    private CallLocks() {
    }

    /** Locks the calls for the rest of the caller's transaction, waiting for their current holders. */
    public static void lock(Connection connection, Collection<UUID> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT count(pg_advisory_xact_lock(?, key))"
                + " FROM (SELECT DISTINCT hashtext(id::text) AS key FROM unnest(?::uuid[]) id ORDER BY key) keys")) {
            lock.setInt(1, CALLS);
            lock.setArray(2, connection.createArrayOf("uuid", calls.toArray()));
            lock.execute();
        }
    }
}
