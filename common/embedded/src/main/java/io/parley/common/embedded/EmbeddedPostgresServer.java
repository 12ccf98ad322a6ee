package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries packaged on Maven Central. With a data directory its data survive
 * restarts, and it can be stopped and started again on the same port as a database restart or failover; without one
 * it lives in a temporary directory removed on close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> serverConfig;
    private final String database;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port, Map<String, String> serverConfig, String database) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.serverConfig = serverConfig;
        this.database = database;
    }

    /**
     * Starts PostgreSQL and creates {@code database} when it does not exist yet.
     *
     * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
     * @param port the port to listen on, 0 for any free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database) {
        return start(dataDirectory, port, database, Map.of());
    }

    /** The same, with more server settings ({@code postgresql.conf} names and values). */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database,
            Map<String, String> serverConfig) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, FreePorts.orFree(port),
                Map.copyOf(serverConfig), database);
        server.startServer();
        createDatabaseIfMissing(server.postgres, database);
        return server;
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does: open sessions are ended, the data stay for
     * {@link #restart()}. Only for a server with a data directory.
     */
    public synchronized void stop() {
        if (dataDirectory == null) {
            throw new IllegalStateException("A throw-away PostgreSQL cannot be restarted");
        }
        closeServer();
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same data. */
    public synchronized void restart() {
        if (postgres == null) {
            startServer();
        }
    }

    private void startServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            serverConfig.forEach(builder::setServerConfig);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
            }
            postgres = builder.start();
            LOG.infof("PostgreSQL listening on port %d", port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private void closeServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("PostgreSQL did not stop cleanly", e);
            }
            postgres = null;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        closeServer();
    }
}
