package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's tests a real PostgreSQL and a real Kafka broker. Both start once per test JVM and stop when it
 * exits. Set {@code PARLEY_TEST_DB_URL} (with {@code PARLEY_TEST_DB_USER}, {@code PARLEY_TEST_DB_PASSWORD}) or
 * {@code PARLEY_TEST_KAFKA_BOOTSTRAP_SERVERS} to run against external servers instead. It also makes the test JVM's
 * identity-token key pair: services verify with its public key, and tests sign callers' tokens with its private key
 * ({@link #identityKeys()}).
 */
public class ParleyTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            IdentityKeyPair identityKeys = IdentityKeyPairHolder.KEYS;
            config = Map.of(
                    "mp.jwt.verify.publickey.location", identityKeys.publicKeyLocation(),
                    "smallrye.jwt.sign.key.location", identityKeys.privateKeyLocation(),
                    "quarkus.datasource.jdbc.url",
                    env("PARLEY_TEST_DB_URL").orElseGet(() -> EmbeddedPostgresHolder.SERVER.jdbcUrl()),
                    "quarkus.datasource.username", env("PARLEY_TEST_DB_USER").orElse(EmbeddedPostgresServer.USER),
                    "quarkus.datasource.password", env("PARLEY_TEST_DB_PASSWORD").orElse(EmbeddedPostgresServer.PASSWORD),
                    "kafka.bootstrap.servers",
                    env("PARLEY_TEST_KAFKA_BOOTSTRAP_SERVERS").orElseGet(() -> EmbeddedKafkaHolder.BROKER.bootstrapServers()));
        }
        return config;
    }

    /** The key pair that the services under test trust for identity tokens. */
    public static IdentityKeyPair identityKeys() {
        return IdentityKeyPairHolder.KEYS;
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

    private static final class IdentityKeyPairHolder {
        static final IdentityKeyPair KEYS = inTemporaryDirectory();

        private static IdentityKeyPair inTemporaryDirectory() {
            try {
                Path directory = Files.createTempDirectory("parley-identity-keys");
                directory.toFile().deleteOnExit(); // runs last: files registered later are deleted first
                IdentityKeyPair keys = IdentityKeyPair.in(directory);
                keys.privateKey().toFile().deleteOnExit();
                keys.publicKey().toFile().deleteOnExit();
                return keys;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class EmbeddedKafkaHolder {
        static final EmbeddedKafkaBroker BROKER = stopAtExit(EmbeddedKafkaBroker.start(null, 0));
    }
}
