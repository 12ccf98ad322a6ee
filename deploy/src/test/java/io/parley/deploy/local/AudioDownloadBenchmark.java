package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.api.crypto.KeySecret;
import io.parley.common.embedded.Percentiles;

/**
 * What playback costs: a 50 MiB recording uploaded to the real platform, then, interleaved round by round, read from its
 * file on disk (the baseline), downloaded through the gateway and downloaded straight from call-service with an
 * identity token minted beforehand; throughput (median) and time to the first byte (median, p95) of a whole download
 * and of a 64 KiB {@code Range} at a random offset. Then ten slow clients download it at once through the gateway, twice,
 * while the memory (RSS, heap) of the gateway and call-service is sampled: it must stay flat, the services streaming
 * with backpressure rather than buffering what the clients have not read yet. Asserts only that every byte served is
 * the byte uploaded. The same rows again for the recording uploaded to a tenant that encrypts its data (decrypted on
 * playback; docs/encryption.md). Not part of the default test run (its name does not end in Test); run it with
 * {@code ./mvnw -pl deploy -am verify -Dtest=AudioDownloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dparley.benchmark.rounds=N} for other than 7 whole downloads per path).
 */
@ExtendWith(SharedPlatform.class)
class AudioDownloadBenchmark {

    private static final Logger LOG = Logger.getLogger(AudioDownloadBenchmark.class);
    private static final int SIZE = 50 * 1024 * 1024;
    private static final int WARMUP_ROUNDS = 2;
    private static final int ROUNDS = Integer.getInteger("parley.benchmark.rounds", 7);
    private static final int RANGE_SAMPLES = 40;
    private static final int RANGE_LENGTH = 64 * 1024;
    private static final int CONCURRENT_CLIENTS = 10;
    private static final int CONCURRENT_ROUNDS = 2;
    /**
     * Each concurrent client reads at most this fast, together far slower than the services serve: unread bytes would
     * pile up in a service that buffered instead of waiting for its client.
     */
    private static final int SLOW_CLIENT_BYTES_PER_SECOND = 2 * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalPlatform platform;
    private String basic;
    private String token;
    private String keySecret;

    @Test
    void downloadsAgainstReadingTheFile() throws Exception {
        platform = SharedPlatform.platform();
        basic = "Basic " + Base64.getEncoder().encodeToString((SharedPlatform.ROOT + ":" + SharedPlatform.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        token = directToken();
        byte[] audio = new byte[SIZE];
        new Random(7).nextBytes(audio);

        String plain = upload(audio);
        Path plainOnDisk = storedFile(plain);
        String encrypted = encryptedUpload(audio);
        if (Files.size(storedFile(encrypted)) == SIZE) {
            throw new AssertionError("The recording of a tenant that encrypts was stored as uploaded");
        }
        List<Row> rows = new ArrayList<>(measure("plain", plain, audio, plainOnDisk));
        rows.addAll(measure("encrypted", encrypted, audio, plainOnDisk));
        String memory = concurrentDownloads(plain, audio);

        LOG.info(table(rows) + memory);
    }

    /**
     * Rows for one recording: its bytes read from a file on disk (the plain recording's stored file, measured again
     * beside each variant), then the recording downloaded through the gateway and straight from call-service.
     */
    private List<Row> measure(String variant, String call, byte[] expected, Path sameBytesOnDisk) throws Exception {
        Map<String, Source> sources = new LinkedHashMap<>();
        sources.put(variant + ": file on disk (baseline)", (offset, length) -> fromDisk(sameBytesOnDisk, offset));
        sources.put(variant + ": through the gateway", (offset, length) -> fromHttp(platform.apiUrl()
                + "/calls/" + call + ".json/file", basic, offset, length));
        sources.put(variant + ": call-service directly", (offset, length) -> fromHttp(
                platform.serviceUrl("call-service") + "/api/v2/calls/" + call + ".json/file", "Bearer " + token,
                offset, length));

        Map<String, long[]> wholeNanos = new LinkedHashMap<>();
        Map<String, long[]> wholeFirstByte = new LinkedHashMap<>();
        Map<String, long[]> rangeFirstByte = new LinkedHashMap<>();
        sources.keySet().forEach(name -> {
            wholeNanos.put(name, new long[ROUNDS]);
            wholeFirstByte.put(name, new long[ROUNDS]);
            rangeFirstByte.put(name, new long[RANGE_SAMPLES]);
        });
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (Map.Entry<String, Source> source : sources.entrySet()) {
                Timing timing = read(source.getValue(), expected, 0, SIZE, Long.MAX_VALUE);
                if (round >= 0) {
                    wholeNanos.get(source.getKey())[round] = timing.total();
                    wholeFirstByte.get(source.getKey())[round] = timing.firstByte();
                }
            }
        }
        Random offsets = new Random(42);
        for (int sample = 0; sample < RANGE_SAMPLES; sample++) {
            long offset = (long) (offsets.nextDouble() * (SIZE - RANGE_LENGTH));
            for (Map.Entry<String, Source> source : sources.entrySet()) {
                rangeFirstByte.get(source.getKey())[sample] = read(source.getValue(), expected, offset, RANGE_LENGTH,
                        Long.MAX_VALUE).firstByte();
            }
        }

        List<Row> rows = new ArrayList<>();
        for (String name : sources.keySet()) {
            rows.add(new Row(name, SIZE / 1e6 / (Percentiles.of(wholeNanos.get(name), 0.50) / 1e9),
                    Percentiles.of(wholeFirstByte.get(name), 0.50) / 1e6, Percentiles.of(wholeFirstByte.get(name), 0.95) / 1e6,
                    Percentiles.of(rangeFirstByte.get(name), 0.50) / 1e6, Percentiles.of(rangeFirstByte.get(name), 0.95) / 1e6,
                    rows.isEmpty() ? null : rows.get(0)));
        }
        return rows;
    }

    /**
     * Ten slow clients downloading the whole recording through the gateway at once, twice (memory that grows in the
     * first round and not in the second is the services settling, not downloads held), while a sampler reads the RSS
     * of the gateway and call-service every 100 ms and their heap ({@code jcmd GC.heap_info}) every half second.
     */
    private String concurrentDownloads(String call, byte[] expected) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", platform.servicePid("gateway"));
        pids.put("call-service", platform.servicePid("call-service"));
        StringBuilder table = new StringBuilder(String.format(
                "%n%d clients at once through the gateway, each reading the %d MiB recording at most %d MiB/s"
                        + " (%d MiB served a round). Memory in MiB; heap used (committed) as jcmd GC.heap_info reports"
                        + " it; peaks sampled during the round%n",
                CONCURRENT_CLIENTS, SIZE >> 20, SLOW_CLIENT_BYTES_PER_SECOND >> 20,
                (CONCURRENT_CLIENTS * (long) SIZE) >> 20));
        table.append(String.format("| %-5s | %-12s | %6s | %10s | %8s | %9s | %13s | %13s | %13s | %12s |%n",
                "round", "service", "time s", "RSS before", "RSS peak", "RSS after", "heap before", "heap peak",
                "heap after", "VmHWM (ever)"));
        for (int round = 1; round <= CONCURRENT_ROUNDS; round++) {
            Map<String, long[]> before = sampleAll(pids);
            Map<String, long[]> peak = new LinkedHashMap<>();
            pids.keySet().forEach(name -> peak.put(name, before.get(name).clone()));
            ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
            List<ScheduledFuture<?>> sampling = List.of(
                    samplers.scheduleWithFixedDelay(() -> samplePeak(pids, peak, 0), 0, 100, TimeUnit.MILLISECONDS),
                    samplers.scheduleWithFixedDelay(() -> samplePeak(pids, peak, 1), 0, 500, TimeUnit.MILLISECONDS));
            double seconds = downloadAtOnce(call, expected);
            samplers.shutdown(); // cancels the next samples; one running finishes
            if (!samplers.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("A memory sample did not finish");
            }
            for (ScheduledFuture<?> sampler : sampling) {
                if (!sampler.isCancelled()) {
                    sampler.get(); // it stopped by failing: its failure
                }
            }
            Map<String, long[]> after = sampleAll(pids);

            for (String name : pids.keySet()) {
                long[] was = before.get(name);
                long[] most = peak.get(name);
                long[] is = after.get(name);
                table.append(String.format(
                        "| %5d | %-12s | %6.1f | %10d | %8d | %9d | %5d (%5d) | %5d (%5d) | %5d (%5d) | %12d |%n",
                        round, name, seconds, was[0] >> 10, most[0] >> 10, is[0] >> 10, was[1] >> 10, was[2] >> 10,
                        most[1] >> 10, most[2] >> 10, is[1] >> 10, is[2] >> 10, status(pids.get(name), "VmHWM") >> 10));
            }
        }
        return table.toString();
    }

    /** The clients' downloads through the gateway, all at once; how many seconds they took together. */
    private double downloadAtOnce(String call, byte[] expected) throws Exception {
        Source gateway = (offset, length) -> fromHttp(platform.apiUrl() + "/calls/" + call + ".json/file", basic,
                offset, length);
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            List<Future<Timing>> downloads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CLIENTS; i++) {
                downloads.add(clients.submit(() -> read(gateway, expected, 0, SIZE, SLOW_CLIENT_BYTES_PER_SECOND)));
            }
            for (Future<Timing> download : downloads) {
                download.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Raises the highest values seen of each process: its RSS ({@code measure} 0), or its used and committed heap (1). */
    private static void samplePeak(Map<String, Long> pids, Map<String, long[]> peak, int measure) {
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            long[] values = measure == 0 ? new long[] { status(pid.getValue(), "VmRSS") } : heapKb(pid.getValue());
            synchronized (peak) {
                long[] highest = peak.get(pid.getKey());
                for (int i = 0; i < values.length; i++) {
                    highest[measure + i] = Math.max(highest[measure + i], values[i]);
                }
            }
        }
    }

    /** RSS, used heap and committed heap of each process, in kB. */
    private static Map<String, long[]> sampleAll(Map<String, Long> pids) {
        Map<String, long[]> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long[] heap = heapKb(pid);
            samples.put(name, new long[] { status(pid, "VmRSS"), heap[0], heap[1] });
        });
        return samples;
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}, such as {@code VmRSS} or {@code VmHWM}. */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("No " + field + " for process " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** The used and the committed heap as {@code jcmd <pid> GC.heap_info} reports them, in kB. */
    private static long[] heapKb(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Matcher heap = HEAP.matcher(output);
            if (!heap.find()) {
                throw new IllegalStateException("jcmd GC.heap_info gave no heap size: " + output);
            }
            return new long[] { Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)) };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code length} bytes from {@code offset}, at most {@code bytesPerSecond}, checking each against the
     * recording; how long the first byte and the whole took.
     */
    private static Timing read(Source source, byte[] expected, long offset, int length, long bytesPerSecond)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long start = System.nanoTime();
        long firstByte = -1;
        int position = (int) offset;
        int end = (int) offset + length;
        try (InputStream in = source.open(offset, length)) {
            while (position < end) {
                int read = in.read(buffer, 0, Math.min(buffer.length, end - position));
                if (read < 0) {
                    throw new AssertionError((position - offset) + " bytes served instead of " + length);
                }
                if (firstByte < 0) {
                    firstByte = System.nanoTime() - start;
                }
                if (!Arrays.equals(buffer, 0, read, expected, position, position + read)) {
                    throw new AssertionError("Bytes served from " + position + " differ from those uploaded");
                }
                position += read;
                pace(start, position - offset, bytesPerSecond);
            }
        }
        return new Timing(firstByte, System.nanoTime() - start);
    }

    private static void pace(long start, long done, long bytesPerSecond) {
        if (bytesPerSecond == Long.MAX_VALUE) {
            return;
        }
        long due = start + done * 1_000_000_000L / bytesPerSecond;
        LockSupport.parkNanos(due - System.nanoTime()); // a slow client's pace, as the ingest benchmark paces
    }

    /** The file from the offset on; {@link #read} stops at the length. */
    private static InputStream fromDisk(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    private InputStream fromHttp(String url, String authorization, long offset, long length) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header(KeySecret.HEADER, keySecret); // what the gateway adds, for the direct requests' sake
        if (offset != 0 || length != SIZE) {
            request.header("Range", "bytes=" + offset + "-" + (offset + length - 1));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status != (length == SIZE ? 200 : 206)
                    || response.headers().firstValueAsLong("Content-Length").orElse(-1) != length) {
                response.body().close();
                throw new AssertionError(url + " answered " + status + " with " + response.headers().map());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Uploads the recording as a recorder would, through the gateway, to a new call; the call's id. */
    private String upload(byte[] audio) {
        String call = UUID.randomUUID().toString();
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(audio).when().put(platform.serviceUrl("gateway") + "/recorder/v1/calls/" + call + "/files/1")
                .then().statusCode(201);
        return call;
    }

    /**
     * A call of a new tenant that encrypts its data (an app-mode key, which call-service opens for any caller who may
     * play the call back), with the recording uploaded to it once call-service knows the call's tenant and its key.
     */
    private String encryptedUpload(byte[] audio) {
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Download benchmark " + UUID.randomUUID() + "\", \"encrypt_data\": true", "Agents");
        String tenant = scene.tenant();
        String group = scene.group();
        String role = PlatformApi.create(platform, "roles", "{\"role\": {\"tenant_id\": \"" + tenant
                + "\", \"name\": \"Agent\", \"access_level\": \"user\", \"permissions\": {\"calls\": [\"view\"]}}}");
        String extension = String.valueOf(5_000_000 + new Random().nextInt(2_000_000));
        String login = "agent-" + UUID.randomUUID();
        PlatformApi.create(platform, "users", """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "password-of-%s"},
                 "fieldset_recording": {"extensions": ["%s"]}}}""".formatted(login, group, role, login, login,
                extension));
        PlatformApi.create(platform, "encrypt_keys", """
                {"encrypt_key": {"name": "Recordings", "tenant_id": "%s", "add_type": "generate",
                 "protection_mode": "app", "is_active": true}}""".formatted(tenant));

        String call = UUID.randomUUID().toString();
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("application/json")
                .body("""
                        {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                         "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s",
                         "to_number": "+15550100"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(), call, extension))
                .when().post(platform.serviceUrl("gateway") + "/recorder/v1/events").then().statusCode(202);
        // uploaded before call-service knows the call's tenant, it would be stored plain until a job encrypts it
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.equals(given().auth().preemptive()
                .basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).when().get(platform.apiUrl() + "/calls/" + call
                        + ".json")
                .then().extract().path("call.tenant_id")));
        // 409 until call-service has learned of the tenant's key (crypto.keys)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given().auth()
                .preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(audio).when().put(platform.serviceUrl("gateway") + "/recorder/v1/calls/" + call + "/files/1")
                .then().extract().statusCode() == 201);
        return call;
    }

    /** Where call-service stored the call's audio ({@code file_path} of its only file). */
    private Path storedFile(String call) {
        return Path.of(given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().get(platform.apiUrl() + "/calls/" + call + ".json")
                .then().statusCode(200).extract().<String> path("call.files[0].file_path"));
    }

    /**
     * An identity token for root with playback, as the gateway would sign it, to call call-service directly; and
     * root's key secret, which call-service passes on to crypto-service to open an encrypted recording's data key.
     */
    private String directToken() {
        Map<String, Object> root = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("login", SharedPlatform.ROOT).when().get(platform.apiUrl() + "/users.json")
                .then().statusCode(200).extract().path("users[0]");
        keySecret = KeySecret.derive(UUID.fromString((String) root.get("user_id")), SharedPlatform.PASSWORD);
        return IdentityTokens.rootToken(platform.identityKeys(), (String) root.get("user_id"), SharedPlatform.ROOT,
                (String) root.get("tenant_id"), (String) root.get("group_id"), (String) root.get("role_id"),
                Set.of("calls:view", "calls:playback"));
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(
                "%nAudio download of a %d MiB recording: %d whole downloads per path (median MB/s), %d ranges of %d"
                        + " KiB at random offsets; time to first byte (TTFB) in ms; ratios to the file on disk%n",
                SIZE >> 20, ROUNDS, RANGE_SAMPLES, RANGE_LENGTH / 1024));
        table.append(String.format("| %-40s | %8s | %6s | %8s | %8s | %8s | %8s | %9s |%n", "path", "MB/s",
                "ratio", "TTFB p50", "TTFB p95", "range p50", "range p95", "TTFB ratio"));
        for (Row row : rows) {
            table.append(String.format("| %-40s | %8.0f | %6s | %8.3f | %8.3f | %9.3f | %9.3f | %10s |%n",
                    row.path(), row.megabytesPerSecond(),
                    row.baseline() == null ? "1"
                            : String.format("%.2f", row.megabytesPerSecond()
                                    / row.baseline().megabytesPerSecond()),
                    row.firstByteMillis50(), row.firstByteMillis95(), row.rangeFirstByteMillis50(),
                    row.rangeFirstByteMillis95(),
                    row.baseline() == null ? "1"
                            : String.format("%.0fx", row.firstByteMillis50()
                                    / row.baseline().firstByteMillis50())));
        }
        return table.toString();
    }

    /** {@code length} bytes of the recording from {@code offset}, from wherever a path serves them. */
    private interface Source {
        InputStream open(long offset, long length) throws IOException;
    }

    private record Timing(long firstByte, long total) {
    }

    private record Row(String path, double megabytesPerSecond, double firstByteMillis50, double firstByteMillis95,
            double rangeFirstByteMillis50, double rangeFirstByteMillis95, Row baseline) {
    }
}
