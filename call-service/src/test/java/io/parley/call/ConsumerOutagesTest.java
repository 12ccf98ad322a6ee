package io.parley.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.DatabaseSessions;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.LogCapture;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.inbox.RetryInPlace;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The database or the broker unavailable for a while, then back: recorder ingest and the directory replica wait in
 * place and go on by themselves, every event applied once and none set aside. The waits, the pool's acquisition
 * timeout, the lock timeout and the poll interval are short here, so that each outage lasts seconds.
 */
@QuarkusTest
@TestProfile(ConsumerOutagesTest.ShortWaits.class)
class ConsumerOutagesTest {

    private static final String RECORDING_EVENTS = "recording.events";
    private static final String RECORDING_DEAD_LETTERS = "recording.events.dlq";
    private static final String DIRECTORY_DEAD_LETTERS = "directory.events.dlq.call-service";
    private static final int POOL_SIZE = 6;
    private static final UUID RECORDER = UUID.randomUUID();

    public static class ShortWaits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.events.consumers.retry-delay", "50ms",
                    "parley.events.consumers.max-retry-delay", "500ms",
                    "parley.events.consumers.contended-attempts", "4",
                    "parley.events.consumers.lock-timeout", "200ms",
                    "quarkus.datasource.jdbc.max-size", Integer.toString(POOL_SIZE),
                    "quarkus.datasource.jdbc.acquisition-timeout", "1s",
                    // a consumer that stopped polling for this long would be put out of its group
                    "mp.messaging.incoming.recording-events.max.poll.interval.ms", "2000",
                    "mp.messaging.incoming.directory-events.max.poll.interval.ms", "2000");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @Inject
    DataSource dataSource;

    @Test
    void consumersWaitWhileTheirConnectionsAreTerminatedAndApplyEveryEventOnce() throws Exception {
        Published published;
        try (DatabaseSessions sessions = sessions(); LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            sessions.keepTerminatingOthers();
            published = publish(5, 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> logged(log, "SQLSTATE 57P01")
                    || logged(log, "SQLSTATE 08"));
        }

        assertAppliedOnceAndNoneSetAside(published);
    }

    @Test
    void consumersWaitWhileEveryPooledConnectionIsTakenAndApplyEveryEventOnce() throws Exception {
        Published published;
        try (LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            List<Connection> held = holdThePool();
            try {
                published = publish(5, 3);
                await().atMost(Duration.ofSeconds(30)).until(() -> logged(log, "acquisition timeout"));
            } finally {
                closeAll(held);
            }
        }

        assertAppliedOnceAndNoneSetAside(published);
    }

    @Test
    void consumersWaitWhileTheDatabaseTakesNoWritesAndApplyEveryEventOnce() throws Exception {
        Published published;
        try (DatabaseSessions sessions = sessions(); LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            sessions.readOnly(true); // as a standby after a failover
            try {
                sessions.terminateOthers();
                published = publish(5, 3);
                await().atMost(Duration.ofSeconds(30)).until(() -> logged(log, "SQLSTATE 25006"));
            } finally {
                sessions.readOnly(false);
                sessions.terminateOthers(); // the sessions of the read-only time reconnect to a primary
            }
        }

        assertAppliedOnceAndNoneSetAside(published);
    }

    @Test
    void anEventThatMeetsALockIsAppliedOnceTheLockIsReleased() throws Exception {
        UUID call = UUID.randomUUID();
        try (DatabaseSessions sessions = sessions(); LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            Connection admin = sessions.connection();
            admin.setAutoCommit(false);
            lockCall(admin, call);
            KafkaTopics.send(kafka, RECORDING_EVENTS, call.toString(), callStarted(UUID.randomUUID(), call, "700"));
            await().atMost(Duration.ofSeconds(30)).until(() -> logged(log, "SQLSTATE 55P03"));
            admin.commit();
        }

        assertEquals(1L, awaitCount("SELECT count(*) FROM calls.call WHERE call_id = ?", call, 1));
        assertTrue(deadLetters(RECORDING_DEAD_LETTERS, Set.of(call)).isEmpty());
    }

    @Test
    void anEventBehindALockHeldLongerThanTheContentionBoundIsSetAsideAndTheNextOneIsApplied() throws Exception {
        Map<String, String> contention = Map.of("topic", RECORDING_DEAD_LETTERS, "reason", "contention");
        double contendedBefore = ScrapedMetrics.of(metrics).value("parley_dead_letters_total", contention);
        UUID locked = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        try (DatabaseSessions sessions = sessions()) {
            Connection admin = sessions.connection();
            admin.setAutoCommit(false);
            lockCall(admin, locked);
            // the same key: the same partition, the second event behind the first
            KafkaTopics.send(kafka, RECORDING_EVENTS, locked.toString(), callStarted(UUID.randomUUID(), locked, "701"));
            KafkaTopics.send(kafka, RECORDING_EVENTS, locked.toString(), callStarted(UUID.randomUUID(), next, "702"));

            String reason = new String(KafkaTopics.await(kafka, RECORDING_DEAD_LETTERS,
                    value -> value.contains(locked.toString()), Duration.ofSeconds(30)).orElseThrow()
                    .headers().lastHeader("dead-letter-reason").value());
            assertEquals("The event met contention in 4 attempts: SQLSTATE 55P03 (lock not available)", reason);
            assertEquals(1L, awaitCount("SELECT count(*) FROM calls.call WHERE call_id = ?", next, 1));
            admin.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ScrapedMetrics.of(metrics)
                .value("parley_dead_letters_total", contention) > contendedBefore);
    }

    @Test
    void aDeadLetterTheBrokerRefusesIsSentAgainUntilItTakesItAndIngestGoesOn() throws Exception {
        UUID poisoned = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        KafkaTopics.create(kafka, RECORDING_DEAD_LETTERS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            maxMessageBytes(admin, RECORDING_DEAD_LETTERS, "1");
            try {
                KafkaTopics.send(kafka, RECORDING_EVENTS, poisoned.toString(), "not json " + poisoned);
                KafkaTopics.send(kafka, RECORDING_EVENTS, poisoned.toString(), callStarted(UUID.randomUUID(), next,
                        "703"));
                await().atMost(Duration.ofSeconds(30)).until(() -> logged(log, "RecordTooLargeException"));
            } finally {
                maxMessageBytes(admin, RECORDING_DEAD_LETTERS, null);
            }
        }

        assertTrue(KafkaTopics.await(kafka, RECORDING_DEAD_LETTERS, value -> value.contains(poisoned.toString()),
                Duration.ofSeconds(30)).isPresent());
        assertEquals(1L, awaitCount("SELECT count(*) FROM calls.call WHERE call_id = ?", next, 1));
    }

    @Test
    void consumersStayInTheirGroupsWhileTheyWaitLongerThanThePollInterval() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Set<String> before = stableMembers(admin);
            Published published;
            List<Connection> held = holdThePool();
            try {
                published = publish(3, 2);
                Thread.sleep(3 * 2000); // the outage: three times the poll interval
            } finally {
                closeAll(held);
            }
            assertAppliedOnceAndNoneSetAside(published);
            assertEquals(before, stableMembers(admin));
        }
    }

    /** Events published during an outage: the calls' ids and the tenants' ids. */
    private record Published(List<UUID> events, List<UUID> calls, List<UUID> tenants) {
    }

    private Published publish(int calls, int tenants) {
        List<UUID> events = new ArrayList<>();
        List<UUID> callIds = new ArrayList<>();
        List<UUID> tenantIds = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            UUID event = UUID.randomUUID();
            UUID call = UUID.randomUUID();
            KafkaTopics.send(kafka, RECORDING_EVENTS, call.toString(), callStarted(event, call, "80" + i));
            events.add(event);
            callIds.add(call);
        }
        for (int i = 0; i < tenants; i++) {
            UUID event = UUID.randomUUID();
            UUID tenant = UUID.randomUUID();
            KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), """
                    {"event_id": "%s", "type": "tenant.created", "version": 1, "occurred_at": "2026-01-01T10:00:00Z",
                     "tenant_id": "%s", "data": {"tenant": {"tenant_id": "%s", "name": "Outage %d"}}}
                    """.formatted(event, tenant, tenant, i));
            events.add(event);
            tenantIds.add(tenant);
        }
        return new Published(events, callIds, tenantIds);
    }

    private void assertAppliedOnceAndNoneSetAside(Published published) throws SQLException {
        assertEquals(published.calls().size(), awaitCount("SELECT count(*) FROM calls.call WHERE call_id = ANY(?)",
                published.calls().toArray(UUID[]::new), published.calls().size()));
        assertEquals(published.tenants().size(), awaitCount(
                "SELECT count(*) FROM calls.known_tenant WHERE id = ANY(?)", published.tenants().toArray(UUID[]::new),
                published.tenants().size()));
        assertEquals(published.events().size(), count("SELECT count(*) FROM calls.processed_event"
                + " WHERE event_id = ANY(?)", published.events().toArray(UUID[]::new)));
        Set<UUID> ids = Stream.concat(published.calls().stream(), published.tenants().stream())
                .collect(Collectors.toSet());
        assertEquals(List.of(), deadLetters(RECORDING_DEAD_LETTERS, ids));
        assertEquals(List.of(), deadLetters(DIRECTORY_DEAD_LETTERS, ids));
    }

    private List<String> deadLetters(String topic, Set<UUID> ids) {
        return KafkaTopics.all(kafka, topic).stream().map(record -> record.value())
                .filter(value -> ids.stream().anyMatch(id -> value.contains(id.toString()))).toList();
    }

    private static String callStarted(UUID event, UUID call, String fromNumber) {
        return """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z", "recorder_id": "%s",
                 "call": {"call_id": "%s", "from_number": "%s"}}
                """.formatted(event, RECORDER, call, fromNumber);
    }

    private DatabaseSessions sessions() {
        return DatabaseSessions.open(databaseUrl, databaseUser, databasePassword);
    }

    /** Takes the lock ingest takes on the call (call/CallLocks), until the admin's transaction ends. */
    private static void lockCall(Connection admin, UUID call) throws SQLException {
        try (PreparedStatement lock = admin.prepareStatement("SELECT pg_advisory_xact_lock(x'434C'::int,"
                + " hashtext(?::text))")) {
            lock.setObject(1, call);
            lock.execute();
        }
    }

    /** Takes every connection of the service's pool, each within the pool's acquisition timeout. */
    private List<Connection> holdThePool() {
        List<Connection> held = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                // a connection the service uses now; it comes back to the pool after its transaction
            }
            return held.size() == POOL_SIZE;
        });
        return held;
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private static void maxMessageBytes(Admin admin, String topic, String value) throws Exception {
        ConfigEntry entry = new ConfigEntry("max.message.bytes", value);
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(entry, value == null ? AlterConfigOp.OpType.DELETE
                        : AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** The members of ingest's and the replica's consumer groups, once both groups are stable. */
    private static Set<String> stableMembers(Admin admin) {
        List<String> groups = List.of("call-service-ingest", "call-service");
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(30, TimeUnit.SECONDS);
            if (described.values().stream().anyMatch(group -> group.groupState() != GroupState.STABLE)) {
                return Set.<String> of();
            }
            return described.values().stream().flatMap(group -> group.members().stream())
                    .map(MemberDescription::consumerId).collect(Collectors.toSet());
        }, members -> !members.isEmpty());
    }

    private static boolean logged(LogCapture log, String text) {
        return log.lines().stream().anyMatch(line -> line.contains(text));
    }

    private long awaitCount(String sql, Object parameter, long expected) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> count(sql, parameter), count -> count == expected);
    }

    private long count(String sql, Object parameter) throws SQLException {
        // a connection of its own: the pool's may be ones the outage ended
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter instanceof UUID[] ids) {
                query.setArray(1, connection.createArrayOf("uuid", ids));
            } else {
                query.setObject(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
