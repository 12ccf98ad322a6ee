package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.Percentiles;

/**
 * What traces cost: two platforms side by side, one with traces off (the default) and one sending every span to an
 * OTLP/HTTP receiver in this JVM, serve the same requests in alternating rounds. The figure is the CPU time the
 * services' processes spend per request (read from the operating system), which other load on a shared machine moves
 * far less than it moves throughput or latency; latency p50 is printed beside it. Reads are
 * {@code GET /api/v2/users/{id}.json} through the gateway (gateway, directory-service and its database); writes
 * {@code POST /api/v2/groups.json} (the same, plus the outbox, Kafka and the replicas of call-service and
 * crypto-service applying the event). Not part of the default test run; run it with
 * {@code ./mvnw -pl deploy -am verify -Dtest=TracesCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TracesCostBenchmark {

    private static final List<String> SERVICES = List.of("gateway", "directory-service", "call-service",
            "crypto-service");
    private static final int WARMUP = 1_000;
    private static final int ROUNDS = 6;
    private static final int READS = 2_000;
    private static final int WRITES = 300;
    /** The schemas of the services whose replicas apply each write's event. */
    private static final List<String> REPLICAS = List.of("calls", "crypto");

    private static final Logger LOG = Logger.getLogger(TracesCostBenchmark.class);

    private static OtlpReceiver receiver;
    private static SharedPlatform.Running plain;
    private static SharedPlatform.Running traced;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void platforms() throws IOException {
        receiver = new OtlpReceiver();
        plain = SharedPlatform.Running.start();
        traced = SharedPlatform.Running.start(Map.of("PARLEY_TRACES_ENDPOINT", receiver.endpoint()));
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[] { plain, traced, receiver }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Test
    void cpuTimePerRequestWithTracesOnAndOff() {
        Workload plainReads = reads(plain.platform());
        Workload tracedReads = reads(traced.platform());
        Workload plainWrites = writes(plain.platform());
        Workload tracedWrites = writes(traced.platform());
        for (Workload workload : List.of(plainReads, tracedReads, plainWrites, tracedWrites)) {
            workload.run(WARMUP / 10);
        }
        plainReads.run(WARMUP);
        tracedReads.run(WARMUP);

        double[][] reads = new double[4][ROUNDS];
        double[][] writes = new double[4][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            // the order alternates, so that neither setting always runs first in a round
            boolean plainFirst = round % 2 == 0;
            measure(plainFirst ? plainReads : tracedReads, READS, reads, plainFirst ? 0 : 2, round);
            measure(plainFirst ? tracedReads : plainReads, READS, reads, plainFirst ? 2 : 0, round);
            measure(plainFirst ? plainWrites : tracedWrites, WRITES, writes, plainFirst ? 0 : 2, round);
            measure(plainFirst ? tracedWrites : plainWrites, WRITES, writes, plainFirst ? 2 : 0, round);
        }

        LOG.info(String.join(System.lineSeparator(), "",
                "Traces off and on, " + ROUNDS + " alternating rounds of " + READS + " reads and " + WRITES
                        + " writes each, sequential; medians over rounds (" + receiver.spans().size()
                        + " spans received)",
                String.format("| %-40s | %12s | %12s | %7s | %12s | %12s |", "request", "CPU us off", "CPU us on",
                        "on/off", "p50 ms off", "p50 ms on"),
                row("GET /api/v2/users/{id}.json", reads),
                row("POST /api/v2/groups.json", writes)));
    }

    /** Runs the workload and reads the CPU time it took, the work its requests caused after their answers too. */
    private void measure(Workload workload, int requests, double[][] results, int column, int round) {
        long cpuBefore = cpuNanos(workload.platform());
        long[] latencies = workload.run(requests);
        results[column][round] = (cpuNanos(workload.platform()) - cpuBefore) / 1e3 / requests;
        results[column + 1][round] = Percentiles.of(latencies, 0.5) / 1e6;
    }

    private static String row(String request, double[][] results) {
        double off = median(results[0]);
        double on = median(results[2]);
        return String.format("| %-40s | %12.0f | %12.0f | %7.2f | %12.3f | %12.3f |", request, off, on, on / off,
                median(results[1]), median(results[3]));
    }

    /** CPU time the platform's four services have used so far, user and system. */
    private static long cpuNanos(LocalPlatform platform) {
        return SERVICES.stream().mapToLong(name -> ProcessHandle.of(platform.servicePid(name)).orElseThrow().info()
                .totalCpuDuration().orElseThrow().toNanos()).sum();
    }

    private static double median(double[] samples) {
        return Percentiles.of(samples, 0.5);
    }

    private Workload reads(LocalPlatform platform) {
        String root = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("login", SharedPlatform.ROOT).when().get(platform.apiUrl() + "/users.json")
                .then().statusCode(200).extract().path("users[0].user_id");
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/users/" + root + ".json"))
                .header("Authorization", basic()).build();
        return new Workload(platform, i -> request, 200, false);
    }

    private Workload writes(LocalPlatform platform) {
        String tenant = PlatformApi.create(platform, "tenants",
                "{\"tenant\": {\"name\": \"Traces " + UUID.randomUUID() + "\"}}");
        return new Workload(platform, i -> HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/groups.json"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"group\": {\"tenant_id\": \"" + tenant
                        + "\", \"name\": \"Group " + UUID.randomUUID() + "\"}}"))
                .build(), 201, true);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((SharedPlatform.ROOT + ":" + SharedPlatform.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One kind of request against one platform, sent one after the other. */
    private final class Workload {

        private final LocalPlatform platform;
        private final Function<Integer, HttpRequest> requests;
        private final int expectedStatus;
        /** Whether each request publishes one event that call-service's and crypto-service's replicas apply. */
        private final boolean publishes;
        private final PlatformDatabase database;

        Workload(LocalPlatform platform, Function<Integer, HttpRequest> requests, int expectedStatus,
                boolean publishes) {
            this.platform = platform;
            this.requests = requests;
            this.expectedStatus = expectedStatus;
            this.publishes = publishes;
            this.database = new PlatformDatabase(platform);
        }

        LocalPlatform platform() {
            return platform;
        }

        /**
         * Sends {@code count} requests, then waits until the replicas applied their events if they publish any;
         * returns each request's latency in nanoseconds.
         */
        long[] run(int count) {
            Map<String, Long> appliedBefore = publishes ? applied() : Map.of();
            long[] latencies = new long[count];
            for (int i = 0; i < count; i++) {
                HttpRequest request = requests.apply(i);
                long start = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != expectedStatus) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                latencies[i] = System.nanoTime() - start;
            }
            if (publishes) {
                await().atMost(Duration.ofMinutes(2)).until(() -> applied().entrySet().stream()
                        .allMatch(schema -> schema.getValue() >= appliedBefore.get(schema.getKey()) + count));
            }
            return latencies;
        }

        /** How many events each replica's schema has applied so far. */
        private Map<String, Long> applied() {
            return REPLICAS.stream().collect(Collectors.toMap(schema -> schema, database::processedEvents));
        }
    }
}
