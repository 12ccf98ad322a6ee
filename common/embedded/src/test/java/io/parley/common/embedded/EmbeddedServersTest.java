package io.parley.common.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

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
