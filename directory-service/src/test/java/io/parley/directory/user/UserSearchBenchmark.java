package io.parley.directory.user;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.IdentityTokens;
import io.parley.directory.RootTokenByDefault;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Measures the user searches of reference 3.7.2 through the REST layer on a directory of 100,000 users in 1,000
 * groups across 100 tenants. Not part of the default test run (its name does not end in Test); run it with
 * {@code ./mvnw -pl directory-service -am verify -Dtest=UserSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints p50/p99 per search next to a baseline measured in the same run: viewing one user by id, the cheapest
 * request through the same layers. Requests carry a root caller's identity token, verified as in production.
 */
@QuarkusTest
@TestProfile(UserSearchBenchmark.Quiet.class)
class UserSearchBenchmark {

    /** No access-log line per request: the benchmark measures serving, not logging. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "false");
        }
    }

    private static final Logger LOG = Logger.getLogger(UserSearchBenchmark.class);
    private static final int TENANTS = 100;
    private static final int GROUPS_PER_TENANT = 10;
    private static final int USERS = 100_000;
    private static final int WARMUP = 300;
    private static final int SAMPLES = 2_000;
    private static final String[] FIRST = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
            "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
            "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony" };
    private static final String[] LAST = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
            "Hill", "Flores" };

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A root caller's identity token, as the gateway sends it; valid for the whole run. */
    private final String token = IdentityTokens.forCaller(RootTokenByDefault.ROOT)
            .claim("exp", Instant.now().plus(Duration.ofHours(2)).getEpochSecond()).sign();

    @Test
    void userSearchLatency() throws Exception {
        List<String> userIds = load();
        Random random = new Random(42);
        Map<String, IntFunction<String>> requests = new LinkedHashMap<>();
        requests.put("baseline: view by id", i -> "/api/v2/users/" + userIds.get(random.nextInt(userIds.size())) + ".json");
        requests.put("search_term (last name)", i -> "/api/v2/users.json?search_term="
                + encode(LAST[random.nextInt(LAST.length)].toLowerCase()));
        requests.put("search_term (name part)", i -> "/api/v2/users.json?search_term="
                + encode(FIRST[random.nextInt(FIRST.length)].substring(0, 4)));
        requests.put("search_term (every user)", i -> "/api/v2/users.json?search_term=agent&start="
                + 20 * random.nextInt(5));
        requests.put("extension", i -> "/api/v2/users.json?extension=" + (100_000 + random.nextInt(USERS)));
        requests.put("login", i -> "/api/v2/users.json?login=agent" + random.nextInt(USERS));

        // every request type warms up first; then the types take turns, so that noise on this shared machine
        // falls on all of them alike
        List<String> names = new ArrayList<>(requests.keySet());
        for (int i = 0; i < WARMUP; i++) {
            for (String name : names) {
                call(requests.get(name).apply(i));
            }
        }
        Map<String, double[]> millis = new LinkedHashMap<>();
        names.forEach(name -> millis.put(name, new double[SAMPLES]));
        for (int i = 0; i < SAMPLES; i++) {
            for (String name : names) {
                String path = requests.get(name).apply(i);
                long start = System.nanoTime();
                call(path);
                millis.get(name)[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        StringBuilder table = new StringBuilder(String.format("%n%-26s %8s %9s %9s %9s %10s%n", "request (100k users)",
                "samples", "p50 ms", "p99 ms", "max ms", "p50/base"));
        double baseline = 0;
        for (String name : names) {
            double[] sorted = millis.get(name);
            Arrays.sort(sorted);
            double p50 = sorted[SAMPLES / 2];
            double p99 = sorted[(int) (SAMPLES * 0.99) - 1];
            if (baseline == 0) {
                baseline = p50;
            }
            table.append(String.format("%-26s %8d %9.2f %9.2f %9.2f %10.2f%n", name, SAMPLES, p50, p99,
                    sorted[SAMPLES - 1], p50 / baseline));
        }
        LOG.info(table);
    }

    private void call(String path) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    /** Writes the directory straight into the database: the benchmark measures reads, not 100,000 bcrypt hashes. */
    private List<String> load() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // a bulk load: triggers off, search_text computed once at the end
            sql.execute("SET session_replication_role = replica");
            sql.execute("CREATE TEMPORARY TABLE first_names (i int, name text)");
            sql.execute("CREATE TEMPORARY TABLE last_names (i int, name text)");
            for (int i = 0; i < FIRST.length; i++) {
                sql.execute("INSERT INTO first_names VALUES (" + i + ", '" + FIRST[i] + "')");
            }
            for (int i = 0; i < LAST.length; i++) {
                sql.execute("INSERT INTO last_names VALUES (" + i + ", '" + LAST[i] + "')");
            }
            sql.execute("""
                    INSERT INTO tenant (id, name, created_at)
                    SELECT md5('tenant' || t)::uuid, 'Bench Tenant ' || t, now() FROM generate_series(1, %d) t
                    """.formatted(TENANTS));
            sql.execute("""
                    INSERT INTO role (id, tenant_id, name, access_level, permissions, created_at)
                    SELECT md5('role' || t)::uuid, md5('tenant' || t)::uuid, 'Agent', 'user', '{}', now()
                    FROM generate_series(1, %d) t
                    """.formatted(TENANTS));
            sql.execute("""
                    INSERT INTO user_group (id, tenant_id, name, created_at)
                    SELECT md5('group' || g)::uuid, md5('tenant' || (g %% %d + 1))::uuid, 'Team ' || g, now()
                    FROM generate_series(1, %d) g
                    """.formatted(TENANTS, TENANTS * GROUPS_PER_TENANT));
            sql.execute("""
                    INSERT INTO app_user (id, tenant_id, group_id, role_id, name, login, created_at)
                    SELECT md5('user' || u)::uuid, md5('tenant' || (g %% %d + 1))::uuid, md5('group' || g)::uuid,
                           md5('role' || (g %% %d + 1))::uuid, f.name || ' ' || l.name, 'agent' || u, now()
                    FROM generate_series(0, %d) u
                    CROSS JOIN LATERAL (SELECT u %% %d + 1 AS g) grp
                    JOIN first_names f ON f.i = u %% %d
                    JOIN last_names l ON l.i = (u / %d) %% %d
                    """.formatted(TENANTS, TENANTS, USERS - 1, TENANTS * GROUPS_PER_TENANT, FIRST.length,
                    FIRST.length, LAST.length));
            sql.execute("""
                    INSERT INTO user_extension (user_id, extension, position)
                    SELECT md5('user' || u)::uuid, (100000 + u)::text, 0 FROM generate_series(0, %d) u
                    """.formatted(USERS - 1));
            sql.execute("UPDATE app_user SET search_text = user_search_text(app_user.*)");
            sql.execute("SET session_replication_role = DEFAULT");
            sql.execute("VACUUM ANALYZE"); // as autovacuum would: statistics and the visibility map index-only scans use
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT id FROM app_user WHERE login LIKE 'agent%'")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
