package io.parley.common.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A database administrator's session of the test's own, outside the service's pool, for tests that make the
 * database unavailable to the service: it ends the service's sessions, as a restart or a failover of the database
 * does, once or again and again until closed.
 */
public final class DatabaseSessions implements AutoCloseable {

    private final Connection admin;
    private volatile ScheduledExecutorService terminator;

    private DatabaseSessions(Connection admin) {
        this.admin = admin;
    }

    public static DatabaseSessions open(String jdbcUrl, String user, String password) {
        try {
            return new DatabaseSessions(DriverManager.getConnection(jdbcUrl, user, password));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The administrator's own connection, which is never ended. */
    public Connection connection() {
        return admin;
    }

    /** Ends every other client session of the database. */
    public void terminateOthers() {
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
    }

    /** Ends every other client session of the database every few milliseconds, until closed. */
    public void keepTerminatingOthers() {
        terminator = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "test-session-terminator"));
        terminator.scheduleWithFixedDelay(this::terminateOthers, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** New sessions take no writes, as those of a standby after a failover; existing ones keep their setting. */
    public void readOnly(boolean readOnly) {
        execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I " + (readOnly ? "SET default_transaction_read_only = on"
                : "RESET default_transaction_read_only") + "', current_database()); END $$");
    }

    @Override
    public void close() throws Exception {
        if (terminator != null) {
            terminator.shutdownNow();
            terminator.awaitTermination(10, TimeUnit.SECONDS);
        }
        admin.close();
    }

    private void execute(String sql) {
        synchronized (admin) {
            try (Statement statement = admin.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
