package io.parley.call.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.TestCalls;
import io.parley.call.call.CallService;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.sql.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Searches held open in the database, as long as the test holds a lock they wait for: however many, they take only
 * the connections of searches, so that recorder ingest and the other reads go on; and one caller's searches beyond
 * its bound are refused, while another caller's are served.
 */
@QuarkusTest
@TestProfile(SearchCapacityTest.SmallCapacity.class)
class SearchCapacityTest {

    private static final int SEARCH_CONNECTIONS = 3;
    private static final int PER_CALLER = 2;
    /** Longer than the test: a held search ends when the test lets it go, not by its time limit. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);

    public static class SmallCapacity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.calls.search.connections", Integer.toString(SEARCH_CONNECTIONS),
                    "parley.calls.search.connection-wait", "200ms",
                    "parley.calls.search.per-caller", Integer.toString(PER_CALLER),
                    "parley.calls.search.statement-timeout", TIME_LIMIT.toSeconds() + "s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @Inject
    CallService calls;

    @Inject
    DataSource dataSource;

    /** The test's own session, outside the service's pools: it holds the locks searches wait for. */
    private Connection admin;
    private final ExecutorService searches = Executors.newCachedThreadPool();
    private final List<CompletableFuture<?>> started = new ArrayList<>();

    @BeforeEach
    void openSession() throws SQLException {
        admin = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }

    @AfterEach
    void releaseSearches() throws SQLException {
        admin.close(); // its locks with it: every held search goes on and ends
        started.forEach(CompletableFuture::join);
        searches.shutdown();
    }

    @Test
    void ingestAppliesRecorderEventsWhileSearchesHoldEverySearchConnection() throws SQLException {
        long lock = holdAdvisoryLock();
        int held = holdSearches(lock, poolSize());

        UUID call = UUID.randomUUID();
        KafkaTopics.send(kafka, "recording.events", call.toString(), """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "+15550100"}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), call));

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(call));
        assertEquals(held, waitingForAdvisoryLock(lock), "the searches were held all along");
    }

    @Test
    void callsAreViewedWhileSearchesHoldEverySearchConnection() throws SQLException {
        UUID tenant = UUID.randomUUID();
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        long lock = holdAdvisoryLock();
        holdSearches(lock, poolSize());

        CompletableFuture<Response> view = started(() -> given().auth().oauth2(Callers.system(tenant, Callers.CALLS))
                .when().get("/api/v2/calls/" + call + ".json"));

        await().atMost(Duration.ofSeconds(30)).until(view::isDone);
        view.join().then().statusCode(200).body("call.call_id", equalTo(call.toString()));
    }

    @Test
    void aSearchBeyondTheInstancesSearchConnectionsIsAnswered503WithRetryAfter() throws SQLException {
        long lock = holdAdvisoryLock();
        assertEquals(SEARCH_CONNECTIONS, holdSearches(lock, SEARCH_CONNECTIONS));

        given().auth().oauth2(Callers.root()).when().get("/api/v2/calls.json")
                .then().statusCode(503).header("Retry-After", "5").body("error", equalTo("ServiceUnavailable"));
    }

    @Test
    void aCallersSearchBeyondItsBoundIsRefused429WhileOthersAreServed() throws SQLException {
        UUID tenant = UUID.randomUUID();
        String caller = Callers.system(tenant, Callers.CALLS);
        lockUsers();
        for (int i = 0; i < PER_CALLER; i++) {
            started(() -> searchUserNames(caller).then().statusCode(200));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForUsers() == PER_CALLER);

        CompletableFuture<Response> oneMore = started(() -> searchUserNames(caller));
        await().atMost(Duration.ofSeconds(30)).until(oneMore::isDone);
        oneMore.join().then().statusCode(429)
                .header("Retry-After", Long.toString(TIME_LIMIT.toSeconds()))
                .body("error", equalTo("TooManyRequests"));
        given().auth().oauth2(Callers.system(tenant, Callers.CALLS)).queryParam("tenant_id", tenant.toString())
                .when().get("/api/v2/calls.json").then().statusCode(200);

        admin.rollback(); // the held searches end
        started.forEach(CompletableFuture::join);
        searchUserNames(caller).then().statusCode(200);
    }

    /** Searches held until the test releases the lock; returns how many hold a connection, at least one. */
    private int holdSearches(long lock, int count) throws SQLException {
        // a scope of one call, which waits for the lock as it is read
        UUID call = TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").store(dataSource);
        Sql waiting = Sql.of("c.call_id = ? AND pg_advisory_xact_lock_shared(?) IS NOT NULL",
                call, lock);
        CallSearch everything = CallSearch.of(new MultivaluedHashMap<>(), ZoneOffset.UTC);
        List<CompletableFuture<?>> searches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            searches.add(started(() -> calls.search(waiting, everything, new PageRequest(0, 20, OptionalInt.empty()),
                    null)));
        }
        // each search either waits for the lock in the database or was refused a connection
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAdvisoryLock(lock)
                + searches.stream().filter(CompletableFuture::isDone).count() == count);
        int held = waitingForAdvisoryLock(lock);
        assertTrue(held > 0, "searches are held");
        return held;
    }

    private <T> CompletableFuture<T> started(Supplier<T> work) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, searches);
        started.add(future.exceptionally(refused -> null));
        return future;
    }

    private static Response searchUserNames(String caller) {
        return given().auth().oauth2(caller).queryParam("advanced_search", "1")
                .queryParam("user_name__includes", "Smith").when().get("/api/v2/calls.json");
    }

    /** The service's own pool: as many searches as it holds would take every connection if searches shared it. */
    private static int poolSize() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.max-size", Integer.class)
                .orElse(20);
    }

    private long holdAdvisoryLock() throws SQLException {
        long lock = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        try (PreparedStatement take = admin.prepareStatement("SELECT pg_advisory_lock(?)")) {
            take.setLong(1, lock);
            take.execute();
        }
        return lock;
    }

    private int waitingForAdvisoryLock(long lock) throws SQLException {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 0"
                + " AND objid::bigint = ?", lock);
    }

    /** Takes the users' table from every other session until the admin's transaction ends. */
    private void lockUsers() throws SQLException {
        admin.setAutoCommit(false);
        try (PreparedStatement lock = admin.prepareStatement("LOCK TABLE calls.known_user IN ACCESS EXCLUSIVE MODE")) {
            lock.execute();
        }
    }

    /** Searches for parts of texts (their first statement walks the calls) waiting for the users' table. */
    private int waitingForUsers() throws SQLException {
        return count("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.relation = 'calls.known_user'::regclass AND NOT l.granted"
                + " AND a.query LIKE '%WITH walk AS MATERIALIZED%'");
    }

    private boolean stored(UUID call) throws SQLException {
        try (Connection session = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
                PreparedStatement query = session.prepareStatement("SELECT 1 FROM calls.call WHERE call_id = ?")) {
            query.setObject(1, call);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private int count(String sql, Object... parameters) throws SQLException {
        try (Connection session = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
                PreparedStatement query = session.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
