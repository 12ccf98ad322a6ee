package io.parley.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform the end-to-end tests share: started by the local launcher on free ports and a temporary data
 * directory, once per test run (it takes a minute), and stopped, its data deleted, when the run ends. Test classes
 * use it with {@code @ExtendWith(SharedPlatform.class)} and {@link #platform()}.
 */
final class SharedPlatform implements BeforeAllCallback {

    static final String ROOT = "root";
    static final String PASSWORD = "end-to-end-root-password";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(),
                Running.class);
    }

    static LocalPlatform platform() {
        return running.platform();
    }

    /**
     * A started platform and its data directory; closed by JUnit when the run ends. Its services' logs are kept in
     * {@code deploy/target/platform-logs/<data directory>}, for a look after a failure.
     */
    record Running(LocalPlatform platform, Path data) implements AutoCloseable {

        static Running start() {
            return start(Map.of());
        }

        /** A platform on free ports and a temporary data directory, with more settings given as the environment. */
        static Running start(Map<String, String> settings) {
            Path repository = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize();
            try {
                Path data = Files.createTempDirectory("parley-end-to-end");
                Map<String, String> environment = new HashMap<>(Map.ofEntries(
                        Map.entry("PARLEY_DATA_DIR", data.toString()),
                        Map.entry("PARLEY_GATEWAY_PORT", "0"), Map.entry("PARLEY_DIRECTORY_PORT", "0"),
                        Map.entry("PARLEY_CALL_PORT", "0"), Map.entry("PARLEY_CRYPTO_PORT", "0"),
                        Map.entry("PARLEY_POSTGRES_PORT", "0"), Map.entry("PARLEY_KAFKA_PORT", "0"),
                        Map.entry("PARLEY_GATEWAY_MANAGEMENT_PORT", "0"),
                        Map.entry("PARLEY_DIRECTORY_MANAGEMENT_PORT", "0"),
                        Map.entry("PARLEY_CALL_MANAGEMENT_PORT", "0"), Map.entry("PARLEY_CRYPTO_MANAGEMENT_PORT", "0"),
                        Map.entry("PARLEY_ROOT_LOGIN", ROOT), Map.entry("PARLEY_ROOT_PASSWORD", PASSWORD),
                        // every test signs in from 127.0.0.1: only the limit per login and address is exercised end to end
                        Map.entry("PARLEY_GATEWAY_THROTTLE_ADDRESS_FAILURES", "1000")));
                environment.putAll(settings);
                return new Running(LocalPlatform.start(LocalSettings.fromEnvironment(environment, repository)), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            platform.close();
            Path logs = data.resolve("logs");
            Path kept = Path.of(System.getProperty("parley.repository", ".."), "deploy", "target", "platform-logs",
                    data.getFileName().toString());
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
