package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The lock of one lane of an outbox: the events of one topic in one service's schema. Its holder is the only relay
 * publishing that lane, so that two instances of a service never send the events of one key side by side; other
 * services (other schemas in the same database) and other topics have locks of their own. A transaction-scoped
 * advisory lock on one 64-bit key, apart from the two 32-bit keys of other advisory locks.
 */
public final class OutboxLock {

    /** Seeds the hash of the lane's name, so that the key is the outbox's own: "ParleyOB". */
    private static final long SEED = 0x5061726c65794f42L;

    private OutboxLock() {
    }

    /**
     * Takes the lock of the topic's lane of the outbox in the connection's current schema until the transaction ends,
     * unless another transaction holds it.
     *
     * @return whether this transaction holds it
     */
    public static boolean tryLock(Connection connection, String topic) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, ?))")) {
            lock.setString(1, topic);
            lock.setLong(2, SEED);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
