package io.parley.deploy.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * What the fault tests count in the services' schemas, read straight from the platform's database with a new
 * connection each time (the database may have restarted in between). While the database cannot be reached a count
 * is -1, so that a test waiting for a count simply waits on.
 */
final class PlatformDatabase {

    private final LocalSettings.Database database;

    PlatformDatabase(LocalPlatform platform) {
        this(platform.database());
    }

    /** The same for another database of the platform's server, as an instance started on a database of its own. */
    PlatformDatabase(LocalSettings.Database database) {
        this.database = database;
    }

    /**
     * The recorder's calls that call-service holds whole: ended, with both participants and the file, associated
     * with a tenant.
     */
    long completeCalls(UUID recorder) {
        return count("""
                SELECT count(*) FROM calls.call c WHERE c.recorder_id = ? AND c.ended_at IS NOT NULL
                AND c.call_state = 6 AND c.connect_time IS NOT NULL AND c.tenant_id IS NOT NULL
                AND (SELECT count(*) FROM calls.call_participant p WHERE p.call_id = c.call_id) = 2
                AND (SELECT count(*) FROM calls.call_file f WHERE f.call_id = c.call_id) = 1""", recorder);
    }

    /** What the first few of the recorder's calls that are not whole lack, for a test's failure message. */
    String notWhole(UUID recorder) {
        String sql = """
                SELECT c.call_id, c.call_state, c.connect_time IS NOT NULL, c.ended_at IS NOT NULL,
                c.tenant_id IS NOT NULL, (SELECT count(*) FROM calls.call_participant p WHERE p.call_id = c.call_id),
                (SELECT count(*) FROM calls.call_file f WHERE f.call_id = c.call_id)
                FROM calls.call c WHERE c.recorder_id = ? AND NOT (c.ended_at IS NOT NULL AND c.call_state = 6
                AND c.connect_time IS NOT NULL AND c.tenant_id IS NOT NULL
                AND (SELECT count(*) FROM calls.call_participant p WHERE p.call_id = c.call_id) = 2
                AND (SELECT count(*) FROM calls.call_file f WHERE f.call_id = c.call_id) = 1) LIMIT 5""";
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, recorder);
            StringBuilder lacks = new StringBuilder();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lacks.append(String.format("%n  %s: call_state %s, connected %s, ended %s, tenant %s,"
                            + " %d participants, %d files", rows.getObject(1), rows.getObject(2), rows.getBoolean(3),
                            rows.getBoolean(4), rows.getBoolean(5), rows.getLong(6), rows.getLong(7)));
                }
            }
            return lacks.toString();
        } catch (SQLException e) {
            return " (cannot tell: " + e.getMessage() + ")";
        }
    }

    /** The recorder's calls call-service holds at all. */
    long storedCalls(UUID recorder) {
        return count("SELECT count(*) FROM calls.call WHERE recorder_id = ?", recorder);
    }

    /** How many of the events a consumer of a service's schema recorded as applied (each at most once). */
    long appliedEvents(String schema, Collection<UUID> events) {
        return count("SELECT count(*) FROM " + schema + ".processed_event WHERE event_id = ANY(?)",
                (Object) events.toArray(UUID[]::new));
    }

    /** How many of the users a service's replica of the directory knows (and has not seen deleted). */
    long knownUsers(String schema, Collection<UUID> users) {
        return count("SELECT count(*) FROM " + schema + ".known_user WHERE id = ANY(?) AND deleted_at IS NULL",
                (Object) users.toArray(UUID[]::new));
    }

    /** Whether a service's replica of the directory knows the tenant under that name. */
    boolean knowsTenant(String schema, UUID tenant, String name) {
        return count("SELECT count(*) FROM " + schema + ".known_tenant WHERE id = ? AND name = ? AND deleted_at IS NULL",
                tenant, name) == 1;
    }

    /** Whether call-service's replica of the encryption keys holds the key, deleted or not as asked. */
    boolean knowsKey(UUID key, boolean deleted) {
        return count("SELECT count(*) FROM calls.known_encrypt_key WHERE key_id = ? AND deleted = ?", key,
                deleted) == 1;
    }

    /** How many events the consumers of a service's schema have applied and keep a record of. */
    long processedEvents(String schema) {
        return count("SELECT count(*) FROM " + schema + ".processed_event");
    }

    /** The events a service committed and has not published yet. */
    long unpublished(String schema) {
        return count("SELECT count(*) FROM " + schema + ".outbox_event");
    }

    /** The events a service committed about one object (its record key) and has not published yet. */
    long unpublishedAbout(String schema, UUID key) {
        return count("SELECT count(*) FROM " + schema + ".outbox_event WHERE message_key = ?", key.toString());
    }

    /** How many sessions wait for a lock the session of that backend process id holds. */
    long blockedBy(int pid) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", pid);
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                return -1; // no connection, or the server is stopping or starting
            }
            throw new IllegalStateException("Cannot count: " + e.getMessage(), e);
        }
    }
}
