package io.parley.common.embedded;

import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's tests a real PostgreSQL and a real Kafka broker. Both start once per test JVM and stop when it
 * exits. Set {@code PARLEY_TEST_DB_URL} (with {@code PARLEY_TEST_DB_USER}, {@code PARLEY_TEST_DB_PASSWORD}) or
 * {@code PARLEY_TEST_KAFKA_BOOTSTRAP_SERVERS} to run against external servers instead.
 */
public class ParleyTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = Map.of(
                    "quarkus.datasource.jdbc.url",
                    env("PARLEY_TEST_DB_URL").orElseGet(() -> EmbeddedPostgresHolder.SERVER.jdbcUrl()),
                    "quarkus.datasource.username", env("PARLEY_TEST_DB_USER").orElse(EmbeddedPostgresServer.USER),
                    "quarkus.datasource.password", env("PARLEY_TEST_DB_PASSWORD").orElse(EmbeddedPostgresServer.PASSWORD),
                    "kafka.bootstrap.servers",
                    env("PARLEY_TEST_KAFKA_BOOTSTRAP_SERVERS").orElseGet(() -> EmbeddedKafkaHolder.BROKER.bootstrapServers()));
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers outlive one application start: later test classes reuse them; a shutdown hook stops them
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    private static <T extends AutoCloseable> T stopAtExit(T server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing more to do
            }
        }));
        return server;
    }

    /** Started on first use only, so that an external server given in the environment starts nothing here. */
    private static final class EmbeddedPostgresHolder {
        static final EmbeddedPostgresServer SERVER = stopAtExit(EmbeddedPostgresServer.start(null, 0, "parley"));
    }

    private static final class EmbeddedKafkaHolder {
        static final EmbeddedKafkaBroker BROKER = stopAtExit(EmbeddedKafkaBroker.start(null, 0));
    }
}
