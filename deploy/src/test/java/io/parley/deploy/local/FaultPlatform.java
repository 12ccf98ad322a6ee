package io.parley.deploy.local;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform the fault tests share, apart from the one the other end-to-end tests use: two instances each of
 * directory- and call-service sharing their work, on PostgreSQL and Kafka that the tests stop, restart and whose
 * services they kill. Consumers give up a dead instance's partitions after 10 seconds (Kafka's default is 45), so
 * that a test of a killed instance does not wait for minutes. Test classes use it with
 * {@code @ExtendWith(FaultPlatform.class)} and {@link #platform()}; each leaves every process of it running.
 */
final class FaultPlatform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultPlatform.class);
    private static volatile SharedPlatform.Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedPlatform.Running.class,
                key -> SharedPlatform.Running.start(Map.of(
                        "PARLEY_DIRECTORY_INSTANCES", "2",
                        "PARLEY_CALL_INSTANCES", "2",
                        "KAFKA_SESSION_TIMEOUT_MS", "10000")),
                SharedPlatform.Running.class);
    }

    static LocalPlatform platform() {
        return running.platform();
    }
}
