package io.parley.common.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @Test
    void postgresCommitsDurablyWithDataChecksums(@TempDir java.nio.file.Path dir) throws Exception {
        try (EmbeddedPostgresServer throwAway = EmbeddedPostgresServer.start(null, 0, "parley");
                EmbeddedPostgresServer kept = EmbeddedPostgresServer.start(dir, 0, "parley")) {
            for (EmbeddedPostgresServer postgres : new EmbeddedPostgresServer[] { throwAway, kept }) {
                try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres")) {
                    assertEquals("on", setting(connection, "synchronous_commit"));
                    assertEquals("on", setting(connection, "fsync"));
                    assertEquals("on", setting(connection, "full_page_writes"));
                    assertEquals("on", setting(connection, "data_checksums"));
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedPostgresServer.start(null, 0, "parley", Map.of("synchronous_commit", "off")));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void postgresKeepsItsDataAcrossRestartsInADataDirectory(@TempDir java.nio.file.Path dir) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0, "parley");
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0, "parley");
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
            rows.next();
            assertEquals("still here", rows.getString(1));
        }
    }

    @Test
    void postgresStoppedRefusesConnectionsAndRestartsOnItsPortWithItsData(@TempDir java.nio.file.Path dir)
            throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0, "parley")) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('still here')");
            }
            postgres.stop();
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres").close());
            postgres.restart();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
                rows.next();
                assertEquals("still here", rows.getString(1));
            }
        }
    }

    @Test
    void kafkaStoppedAndRestartedDeliversWhatAProducerHeldMeanwhile(@TempDir java.nio.file.Path dir) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir, 0)) {
            KafkaTopics.create(kafka.bootstrapServers(), "outage");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("outage", "key", "before")).get(30, TimeUnit.SECONDS);
                kafka.stop();
                assertThrows(IOException.class, () -> connect(kafka.bootstrapServers()),
                        "the stopped broker refuses connections");
                // send() may wait for metadata until the broker is back, so it runs beside the restart
                FutureTask<RecordMetadata> during = new FutureTask<>(
                        () -> producer.send(new ProducerRecord<>("outage", "key", "during")).get());
                new Thread(during, "held-send").start();
                kafka.restart();
                during.get(60, TimeUnit.SECONDS);
            }
            assertTrue(KafkaTopics.await(kafka.bootstrapServers(), "outage", "during"::equals,
                    Duration.ofSeconds(30)).isPresent());
        }
    }

    private static void connect(String bootstrapServers) throws IOException {
        String[] hostAndPort = bootstrapServers.split(":");
        new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1])).close();
    }

    @Test
    void kafkaDeliversWhatWasProducedAndKeepsItAcrossRestarts(@TempDir java.nio.file.Path dir) {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir, 0)) {
            KafkaTopics.send(kafka.bootstrapServers(), "smoke", "key", "hello");
        }
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir, 0)) {
            assertEquals("hello", KafkaTopics.await(kafka.bootstrapServers(), "smoke", value -> true,
                    Duration.ofSeconds(30)).orElseThrow().value());
        }
    }
}
