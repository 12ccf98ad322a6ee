package io.parley.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.parley.common.embedded.EmbeddedKafkaBroker;
import io.parley.common.embedded.IdentityKeyPair;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the gateway needs in tests: a real Kafka broker for the directory's events and an identity key pair to sign
 * with; both made once per test JVM. No database: the gateway has none.
 */
@QuarkusTestResource(GatewayTestInfrastructure.class)
public class GatewayTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", kafkaBootstrapServers(),
                "smallrye.jwt.sign.key.location", identityKeys().privateKeyLocation());
    }

    @Override
    public void stop() {
        // the broker outlives one application start; a shutdown hook stops it
    }

    public static String kafkaBootstrapServers() {
        return Kafka.BROKER.bootstrapServers();
    }

    public static IdentityKeyPair identityKeys() {
        return Keys.PAIR;
    }

    private static final class Kafka {
        static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.start(null, 0);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(BROKER::close));
        }
    }

    private static final class Keys {
        static final IdentityKeyPair PAIR = inTemporaryDirectory();

        private static IdentityKeyPair inTemporaryDirectory() {
            try {
                Path directory = Files.createTempDirectory("gateway-identity-keys");
                directory.toFile().deleteOnExit();
                IdentityKeyPair pair = IdentityKeyPair.in(directory);
                pair.privateKey().toFile().deleteOnExit();
                pair.publicKey().toFile().deleteOnExit();
                return pair;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
