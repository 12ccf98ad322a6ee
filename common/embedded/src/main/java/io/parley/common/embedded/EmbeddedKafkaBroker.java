package io.parley.common.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in-process from Kafka's own jars.
 * With a data directory its topics and offsets survive restarts; without one it lives in a temporary directory
 * removed on close. It can be stopped and started again on the same ports with the same data, as a broker outage.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

    private final Properties config;
    private final String bootstrapServers;
    private final Path temporaryDirectory;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Properties config, String bootstrapServers, Path temporaryDirectory) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Starts the broker and waits until it answers clients.
     *
     * @param dataDirectory where logs and metadata live, or {@code null} for a throw-away directory
     * @param port the client port, 0 for any free one; the controller takes another free port
     */
    public static EmbeddedKafkaBroker start(Path dataDirectory, int port) {
        try {
            Path temporary = dataDirectory == null ? Files.createTempDirectory("parley-kafka") : null;
            Path logDir = (dataDirectory == null ? temporary : dataDirectory).toAbsolutePath();
            Files.createDirectories(logDir);
            int clientPort = FreePorts.orFree(port);
            Properties config = config(logDir, clientPort, FreePorts.pick());
            formatIfNew(logDir, config);

            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, "127.0.0.1:" + clientPort, temporary);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    /** Stops the broker as an outage would, keeping its data and ports for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.infof("Kafka broker on %s stopped", bootstrapServers);
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same ports with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private void startServer() {
        server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        awaitReady(bootstrapServers);
        LOG.infof("Kafka broker listening on %s", bootstrapServers);
    }

    private static Properties config(Path logDir, int clientPort, int controllerPort) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return config;
    }

    /** Formats the storage directory once, as {@code kafka-storage.sh format} does; a formatted one is kept. */
    private static void formatIfNew(Path logDir, Properties config) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = Files.createTempFile("parley-kafka", ".properties");
        try {
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                config.store(writer, "Parley embedded Kafka");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", configFile.toString(), "--ignore-formatted" },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private static void awaitReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not become ready on " + bootstrap, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop();
        if (temporaryDirectory != null) {
            deleteRecursively(temporaryDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove %s", directory);
        }
    }
}
