package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.common.embedded.FreePorts;
import io.parley.common.embedded.IdentityKeyPair;

/**
 * The launcher bounds what a service logs: the service writes its own file through Quarkus' file handler, which
 * rotates it by size and keeps a fixed number of earlier files, and nothing is left on the console, which nothing
 * rotates; and a request leaves one short line, a probe or a scrape none. Proven on the packaged gateway.
 */
class ServiceLogsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath()
            .normalize();
    /** Below any record's length: every record goes past it, so each file holds one. */
    private static final int LIMIT = 100;

    @Test
    void aServiceLogRotatesAtItsSizeAndKeepsTheBackupsItIsAllowed(@TempDir Path data) throws IOException {
        Path logs = data.resolve("logs");
        ServiceProcess gateway = startGateway(data, Map.of(
                "QUARKUS_LOG_FILE_ROTATION_MAX_FILE_SIZE", Integer.toString(LIMIT),
                "QUARKUS_LOG_FILE_ROTATION_MAX_BACKUP_INDEX", "2"));
        try {
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> logged(logs).contains("Installed features"));
        } finally {
            gateway.stop(Duration.ofSeconds(30));
        }

        // started, profile, features, stopped at least: one record a file, so the oldest are gone
        assertEquals(List.of("gateway.log", "gateway.log.1", "gateway.log.2"), logFiles(logs).stream()
                .map(file -> file.getFileName().toString()).toList(), "The current file and the two earlier ones");
        String kept = logged(logs);
        assertTrue(kept.contains(" stopped in "), kept);
        assertFalse(kept.contains(" started in "), "The first records were kept: " + kept);
        for (Path file : logFiles(logs)) {
            List<String> records = Files.readAllLines(file);
            // a file is rotated once a record has taken it past the limit
            long beforeLast = Files.size(file) - records.get(records.size() - 1).length() - 1;
            assertTrue(beforeLast <= LIMIT, file + " went on past " + LIMIT + " bytes: " + records);
            assertTrue(records.stream().allMatch(line -> line.startsWith("{") && !line.contains("\"hostName\"")),
                    file + " holds other than lean JSON lines: " + records);
        }
        Path console = logs.resolve("gateway.out");
        assertFalse(Files.exists(console) && Files.readString(console).contains("Installed features"),
                "The service logs on the console as well, where nothing rotates");
    }

    @Test
    void aRequestLeavesOneShortLineAndTheProbesNone(@TempDir Path data) throws IOException {
        Path log = data.resolve("logs/gateway.log");
        ServiceProcess gateway = startGateway(data, Map.of());
        try {
            // not ready without a broker, but serving: metrics and health are requests like any other
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> given()
                    .get(gateway.managementUrl() + "/q/metrics").statusCode() == 200);
            given().when().get(gateway.managementUrl() + "/q/health/ready");
            String requestId = "lean-" + UUID.randomUUID();
            given().header("X-Request-Id", requestId).when().get(gateway.baseUrl() + "/api/v2/tenants.json")
                    .then().statusCode(401);
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(log).contains(requestId));
        } finally {
            gateway.stop(Duration.ofSeconds(30));
        }
        List<String> accessLog = Files.readAllLines(log).stream()
                .filter(line -> line.contains("\"io.quarkus.http.access-log\"")).toList();
        assertEquals(1, accessLog.size(), "One line for the API request, none for health and metrics: " + accessLog);
        assertTrue(accessLog.get(0).length() < 400 && !accessLog.get(0).contains("\"hostName\""),
                "A lean line: " + accessLog.get(0));
    }

    /**
     * The packaged gateway, started by the launcher's {@link ServiceProcess} with {@code environment} on top of what
     * it needs: no broker listens at its Kafka address, and no service behind it, which it starts without.
     */
    private static ServiceProcess startGateway(Path data, Map<String, String> environment) {
        String nowhere = "http://localhost:" + FreePorts.pick();
        Map<String, String> all = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + FreePorts.pick(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", IdentityKeyPair.in(data.resolve("keys")).privateKeyLocation(),
                "PARLEY_GATEWAY_DIRECTORY_URL", nowhere,
                "PARLEY_GATEWAY_CALL_URL", nowhere,
                "PARLEY_GATEWAY_CRYPTO_URL", nowhere));
        all.putAll(environment);
        return ServiceProcess.start("gateway", "gateway", REPOSITORY, data.resolve("logs"), FreePorts.pick(),
                FreePorts.pick(), all);
    }

    /** What the log files hold now, oldest first. */
    private static String logged(Path logs) throws IOException {
        List<Path> files = logFiles(logs);
        StringBuilder text = new StringBuilder();
        for (int i = files.size() - 1; i >= 0; i--) {
            text.append(Files.readString(files.get(i)));
        }
        return text.toString();
    }

    private static List<Path> logFiles(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(file -> file.getFileName().toString().startsWith("gateway.log")).sorted().toList();
        }
    }
}
