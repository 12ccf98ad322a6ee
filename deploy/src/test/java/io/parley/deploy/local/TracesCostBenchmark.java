package io.parley.deploy.local;

import static io.restassured.RestAssured.given;

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
    /** How long the replicas get to apply a round's events before the round's CPU time is read. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

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
    void cpuTimePerRequestWithTracesOnAndOff() throws Exception {
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

        // printed, not logged: the launcher's log manager may not reach the test output
        System.out.println(String.join(System.lineSeparator(), "",
                "Traces off and on, " + ROUNDS + " alternating rounds of " + READS + " reads and " + WRITES
                        + " writes each, sequential; medians over rounds (" + receiver.spans().size()
                        + " spans received)",
                String.format("| %-40s | %12s | %12s | %7s | %12s | %12s |", "request", "CPU us off", "CPU us on",
                        "on/off", "p50 ms off", "p50 ms on"),
                row("GET /api/v2/users/{id}.json", reads),
                row("POST /api/v2/groups.json", writes)));
    }

    private void measure(Workload workload, int requests, double[][] results, int column, int round)
            throws Exception {
        long cpuBefore = cpuNanos(workload.platform());
        long[] latencies = workload.run(requests);
        Thread.sleep(SETTLE.toMillis());
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
        return new Workload(platform, i -> request, 200);
    }

    private Workload writes(LocalPlatform platform) {
        String tenant = PlatformApi.create(platform, "tenants",
                "{\"tenant\": {\"name\": \"Traces " + UUID.randomUUID() + "\"}}");
        return new Workload(platform, i -> HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/groups.json"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"group\": {\"tenant_id\": \"" + tenant
                        + "\", \"name\": \"Group " + UUID.randomUUID() + "\"}}"))
                .build(), 201);
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

        Workload(LocalPlatform platform, Function<Integer, HttpRequest> requests, int expectedStatus) {
            this.platform = platform;
            this.requests = requests;
            this.expectedStatus = expectedStatus;
        }

        LocalPlatform platform() {
            return platform;
        }

        /** Sends {@code count} requests; returns each one's latency in nanoseconds. */
        long[] run(int count) {
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
            return latencies;
        }
    }
}
