package io.parley.deploy.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.EmbeddedPostgresServer;
import io.parley.common.embedded.Percentiles;

/**
 * Measures the calls search (reference 3.1.4) through the gateway at ten million calls across 100 tenants: the
 * reference's example queries and the advanced operators, each p50/p95/max next to a baseline from the same run
 * (viewing one call), then the plans of the slowest statements (PostgreSQL's auto_explain). PostgreSQL runs as on
 * a database server of this machine (shared_buffers a quarter of its memory) and the data set is read into memory
 * first, as such a server's memory holds its working set: the numbers are those of a server in steady state, not of
 * one reading its disk for the first time. Not part of the default
 * test run; run it with
 * {@code ./mvnw -pl deploy -am verify -Dtest=CallSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dparley.benchmark.calls=1000000} for a smaller set, {@code -Dparley.benchmark.rounds=N} for fewer samples
 * than 200). The data set ({@link CallDataSet}) is built on the
 * first run, with progress bars, and kept in {@code ~/.parley/benchmarks/} (or {@code -Dparley.benchmark.data=DIR})
 * for the next.
 */
class CallSearchBenchmark {

    private static final Logger LOG = Logger.getLogger(CallSearchBenchmark.class);
    private static final String ROOT_PASSWORD = "benchmark-root-password";
    /** Rounds run first and not measured: the services' request paths compiled, the database's pages touched. */
    private static final int WARMUP_ROUNDS = Integer.getInteger("parley.benchmark.warmup-rounds", 100);
    private static final int ROUNDS = Integer.getInteger("parley.benchmark.rounds", 200);
    private static final String SLOW_STATEMENT = "20ms";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void callSearchLatency() throws Exception {
        int calls = Integer.getInteger("parley.benchmark.calls", 10_000_000);
        Path data = Path.of(System.getProperty("parley.benchmark.data", System.getProperty("user.home")
                + "/.parley/benchmarks/call-search-" + CallDataSet.VERSION + "-" + calls)).toAbsolutePath();
        Path postgresLog = data.resolve("postgres-log/postgresql.log");
        Files.createDirectories(data);
        Path repository = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), 0, "parley",
                Map.of("session_preload_libraries", "auto_explain", "auto_explain.log_min_duration", SLOW_STATEMENT,
                        "auto_explain.log_analyze", "on", "auto_explain.log_timing", "off",
                        "auto_explain.log_buffers", "on", "auto_explain.log_parameter_max_length", "0",
                        "logging_collector", "on",
                        "log_directory", postgresLog.getParent().toString(), "log_filename", "postgresql.log",
                        "shared_buffers", quarterOfMemory()));
                LocalPlatform platform = LocalPlatform.start(LocalSettings.fromEnvironment(Map.ofEntries(
                        Map.entry("PARLEY_DATA_DIR", data.toString()), Map.entry("PARLEY_DB_URL", postgres.jdbcUrl()),
                        Map.entry("PARLEY_DB_USER", EmbeddedPostgresServer.USER),
                        Map.entry("PARLEY_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD),
                        Map.entry("PARLEY_GATEWAY_PORT", "0"), Map.entry("PARLEY_DIRECTORY_PORT", "0"),
                        Map.entry("PARLEY_CALL_PORT", "0"), Map.entry("PARLEY_CRYPTO_PORT", "0"),
                        Map.entry("PARLEY_KAFKA_PORT", "0"), Map.entry("PARLEY_ROOT_LOGIN", "root"),
                        Map.entry("PARLEY_ROOT_PASSWORD", ROOT_PASSWORD)), repository))) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD)) {
                long stored = CallDataSet.calls(connection);
                if (stored == 0) {
                    CallDataSet.load(connection, calls);
                } else if (stored != calls) {
                    throw new IllegalStateException(data + " holds " + stored + " calls, not " + calls
                            + ": remove it, or name another directory with -Dparley.benchmark.data");
                }
                CallDataSet.readIntoMemory(connection);
            }
            long logOffset = Files.exists(postgresLog) ? Files.size(postgresLog) : 0;
            Map<String, double[]> millis = measure(platform.apiUrl(), calls);
            LOG.info(table(millis, calls));
            LOG.info(slowestPlans(postgresLog, logOffset));
        }
    }

    private Map<String, double[]> measure(String api, int calls) throws Exception {
        Random random = new Random(42);
        LongFunction<Integer> user = CallDataSet::userOf;
        Map<String, LongFunction<String>> requests = new LinkedHashMap<>();
        requests.put("baseline: view one call", k -> "/calls/" + CallDataSet.callId(k) + ".json");
        requests.put("daterange: a month, all tenants", k -> "/calls.json?daterange=" + month(k, calls));
        requests.put("user_id", k -> "/calls.json?user_id=" + CallDataSet.userId(user.apply(k)));
        requests.put("group_id", k -> "/calls.json?group_id=" + CallDataSet.groupId(user.apply(k)));
        requests.put("search_term: 7 digits of a number",
                k -> "/calls.json?search_term=" + CallDataSet.outsideNumber(k).substring(5));
        requests.put("tenant_id + daterange: one day", k -> "/calls.json?tenant_id="
                + CallDataSet.tenantId(user.apply(k)) + "&daterange=" + day(k, calls));
        requests.put("tenant_id: page 50", k -> "/calls.json?tenant_id=" + CallDataSet.tenantId(user.apply(k))
                + "&start=980&limit=20");
        requests.put("advanced: phone_number includes 5 digits", k -> "/calls.json?advanced_search=1"
                + "&phone_number__includes=" + CallDataSet.outsideNumber(k).substring(6));
        requests.put("advanced: phone_number starts_with", k -> "/calls.json?advanced_search=1"
                + "&phone_number__starts_with=" + encode(CallDataSet.outsideNumber(k).substring(0, 9)));
        requests.put("advanced: phone_number equal_to", k -> "/calls.json?advanced_search=1"
                + "&phone_number__equal_to=" + encode(CallDataSet.outsideNumber(k)));
        requests.put("advanced: duration between", k -> "/calls.json?advanced_search=1&duration__between="
                + encode("00:05:00 - 00:06:00") + "&tenant_id__is=" + CallDataSet.tenantId(user.apply(k)));

        List<String> names = new ArrayList<>(requests.keySet());
        Map<String, double[]> millis = new LinkedHashMap<>();
        names.forEach(name -> millis.put(name, new double[ROUNDS]));
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (String name : names) {
                String path = requests.get(name).apply(Math.floorMod(random.nextLong(), (long) calls));
                long start = System.nanoTime();
                boolean answered = get(api + path);
                if (round >= 0) {
                    // a search over the time limit counts as infinitely slow: it lands in the percentiles it spoils
                    millis.get(name)[round] = answered ? (System.nanoTime() - start) / 1e6 : Double.POSITIVE_INFINITY;
                }
            }
        }
        return millis;
    }

    /** @return whether the search was answered; {@code false} when it ran out of time (400 SearchTimeout) */
    private boolean get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("root:" + ROOT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 400 && response.body().contains("SearchTimeout")) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return true;
    }

    /**
     * p50, p95 and max of each request, and the p95 of the first and of the last quarter of the rounds: a later
     * quarter faster than the first means the services or the database were still warming up (the JIT compiling the
     * request path, backends touching their pages for the first time).
     */
    private static String table(Map<String, double[]> millis, int calls) {
        StringBuilder table = new StringBuilder(String.format("%nCalls search through the gateway, %,d calls, %d"
                + " samples each (interleaved)%n%-44s %8s %8s %8s %10s %9s %14s%n", calls, ROUNDS, "request",
                "p50 ms", "p95 ms", "max ms", "p50/base", "timeouts", "p95 Q1/Q4 ms"));
        double baseline = 0;
        for (Map.Entry<String, double[]> entry : millis.entrySet()) {
            double[] samples = entry.getValue();
            double p50 = Percentiles.of(samples, 0.5);
            baseline = baseline == 0 ? p50 : baseline;
            long timeouts = Arrays.stream(samples).filter(Double::isInfinite).count();
            int quarter = Math.max(1, samples.length / 4);
            table.append(String.format("%-44s %8.2f %8.2f %8.2f %10.2f %9d %6.1f / %5.1f%n", entry.getKey(), p50,
                    Percentiles.of(samples, 0.95), Percentiles.of(samples, 1), p50 / baseline, timeouts,
                    Percentiles.of(Arrays.copyOfRange(samples, 0, quarter), 0.95),
                    Percentiles.of(Arrays.copyOfRange(samples, samples.length - quarter, samples.length), 0.95)));
        }
        return table.toString();
    }

    /** The slowest run of each statement auto_explain logged during the measurement, with its plan. */
    private static String slowestPlans(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return "No statement took over " + SLOW_STATEMENT;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        text = text.substring((int) Math.min(offset, text.length()));
        Map<String, Map.Entry<Double, String>> worst = new TreeMap<>();
        for (String entry : text.split("\n(?=\\S)")) {
            int at = entry.indexOf("duration: ");
            int query = entry.indexOf("Query Text: ");
            if (at < 0 || query < 0 || !entry.contains("plan:")) {
                continue;
            }
            double duration = Double.parseDouble(entry.substring(at + 10, entry.indexOf(" ms", at)));
            String statement = entry.substring(query + 12).lines().findFirst().orElse("").strip();
            Map.Entry<Double, String> known = worst.get(statement);
            if (known == null || known.getKey() < duration) {
                worst.put(statement, Map.entry(duration, entry.substring(query)));
            }
        }
        StringBuilder plans = new StringBuilder(String.format("%nStatements over %s during the measurement: %d;"
                + " the slowest run of each:%n", SLOW_STATEMENT, worst.size()));
        worst.values().stream().sorted(Comparator.comparing(Map.Entry<Double, String>::getKey).reversed())
                .forEach(entry -> plans.append(String.format("%n%.1f ms%n%s%n", entry.getKey(), entry.getValue())));
        return plans.toString();
    }

    private static LocalDate dayOf(long call, long calls) {
        return Instant.ofEpochSecond(CallDataSet.setupEpochSecond(call, calls)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String day(long call, long calls) {
        return encode(DAY.format(dayOf(call, calls)));
    }

    private static String month(long call, long calls) {
        LocalDate first = dayOf(call, calls).withDayOfMonth(1);
        return encode(DAY.format(first) + "-" + DAY.format(first.withDayOfMonth(first.lengthOfMonth())));
    }

    /** PostgreSQL's usual share of a dedicated server's memory, in megabytes. */
    private static String quarterOfMemory() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return bytes / 4 / (1024 * 1024) + "MB";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
