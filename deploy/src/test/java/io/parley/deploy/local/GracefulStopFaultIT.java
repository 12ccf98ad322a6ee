package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance of call-service stopped as Kubernetes stops a pod: SIGTERM, then up to the pod's grace period before
 * SIGKILL. It answers the request it was serving, commits the offsets of what its consumers applied, and exits with
 * the code of a JVM ended by SIGTERM (128 + 15: the JVM's own exit on that signal, which Quarkus keeps).
 *
 * <p>
 * The instance is one of its own, on a database of its own and in consumer groups of its own, so that what it applied
 * and committed is its alone; its throttled commits are 30 seconds apart (the connector's wait for records in
 * processing on the way out is as long, below the grace period), so that what is committed when it stops soon after
 * applying is what its consumers committed on the way out.
 */
@ExtendWith(FaultPlatform.class)
class GracefulStopFaultIT {

    /** The pods' {@code terminationGracePeriodSeconds}: the instance must be gone by then. */
    private static final Duration GRACE = Duration.ofSeconds(45);
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final int CALLS = 100;
    private static final Duration READY = Duration.ofMinutes(3);
    // as the gateway calls the services (HTTP/2 would do too, but this JDK's client fails the streams in flight on a
    // server's graceful GOAWAY)
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static LocalPlatform platform;
    private static String group;
    private static PlatformDatabase database;
    private static LocalSettings.Database ownDatabase;
    private static ServiceProcess callService;

    @BeforeAll
    static void instance() throws SQLException {
        platform = FaultPlatform.platform();
        String name = "parley_stop_" + UUID.randomUUID().toString().replace("-", "");
        group = name;
        LocalSettings.Database shared = platform.database();
        try (Connection connection = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        ownDatabase = new LocalSettings.Database(shared.jdbcUrl().replaceAll("/[^/]*$", "/" + name), shared.user(),
                shared.password());
        database = new PlatformDatabase(ownDatabase);
        callService = platform.startAnother("call-service", "call-service-stopped", Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", ownDatabase.jdbcUrl(),
                "MP_MESSAGING_INCOMING_RECORDING_EVENTS_GROUP_ID", group,
                "MP_MESSAGING_INCOMING_DIRECTORY_EVENTS_GROUP_ID", group,
                "MP_MESSAGING_INCOMING_CRYPTO_KEYS_GROUP_ID", group,
                "KAFKA_AUTO_COMMIT_INTERVAL_MS", "30000",
                // the search the test holds waits past the stop's delay, well within this
                "PARLEY_CALLS_SEARCH_STATEMENT_TIMEOUT", "2m"));
    }

    @BeforeEach
    void running() {
        if (!callService.running()) {
            callService.start();
            callService.awaitReady(READY);
        }
    }

    /** A test that failed may leave the instance stopping: it is gone before the next starts it again. */
    @AfterEach
    void stopped() {
        callService.stop(GRACE);
    }

    @Test
    void aSearchInFlightWhenTheInstanceIsStoppedIsAnsweredBeforeItExits() throws Exception {
        HttpRequest search = HttpRequest.newBuilder(URI.create(callService.baseUrl() + "/api/v2/calls.json"))
                .header("Authorization", "Bearer " + rootToken()).build();
        CompletableFuture<HttpResponse<String>> answer;
        try (Connection lock = DriverManager.getConnection(ownDatabase.jdbcUrl(), ownDatabase.user(),
                ownDatabase.password())) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE calls.call IN ACCESS EXCLUSIVE MODE");
            }
            int holder = backendPid(lock);
            answer = HTTP.sendAsync(search, HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofMinutes(1)).until(() -> database.blockedBy(holder) > 0);

            long waitingBefore = waitingForRequests();
            callService.terminate();
            // past the stop's delay the server waits for the requests in flight (and says so in its log)
            await().atMost(GRACE).until(() -> waitingForRequests() > waitingBefore);
            assertTrue(callService.running(), "still running: waiting for the search in flight");
            lock.rollback();
        }
        HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(SIGTERM_EXIT, callService.exitCode(GRACE).orElseThrow(), "exit code");
    }

    @Test
    void offsetsCommittedWhenTheInstanceIsStoppedCoverEveryRecordItApplied() throws Exception {
        try (RecorderCalls recorder = new RecorderCalls(platform.kafkaBootstrapServers(), CallCenter.create(platform,
                2).extensions());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.kafkaBootstrapServers()))) {
            recorder.publishInBackground(CALLS, Duration.ZERO).get();
            Map<TopicPartition, Long> published = endOffsets(admin);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> database.appliedEvents("calls", recorder.events()) == recorder.events().size());

            callService.terminate();
            assertEquals(SIGTERM_EXIT, callService.exitCode(GRACE).orElseThrow(), "exit code");

            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            published.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                assertEquals(end, offset == null ? 0 : offset.offset(), "committed offset of " + partition);
            });
        }
    }

    /** The offset after the last record of each partition of the recorder events' topic. */
    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(RecorderCalls.TOPIC)).allTopicNames().get()
                .get(RecorderCalls.TOPIC).partitions().stream()
                .map(partition -> new TopicPartition(RecorderCalls.TOPIC, partition.partition()))
                .collect(Collectors.toSet());
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** How often the instance's log says its HTTP server waits for requests in flight to complete. */
    private static long waitingForRequests() throws IOException {
        try (Stream<String> lines = Files.lines(callService.log())) {
            return lines.filter(line -> line.contains("Waiting for HTTP requests to complete")).count();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** An identity token for root, as the gateway would sign it, to call the instance directly. */
    private static String rootToken() {
        Map<String, Object> root = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("login", SharedPlatform.ROOT).when().get(platform.apiUrl() + "/users.json")
                .then().statusCode(200).extract().path("users[0]");
        return IdentityTokens.rootToken(platform.identityKeys(), (String) root.get("user_id"), SharedPlatform.ROOT,
                (String) root.get("tenant_id"), (String) root.get("group_id"), (String) root.get("role_id"),
                Set.of("calls:view"));
    }
}
