package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.restassured.http.ContentType;

/**
 * A replica of the directory built from nothing: a new crypto-service instance, on an empty database and in a
 * consumer group of its own, reads {@code directory.events} after the broker has compacted it (every superseded
 * event of the objects this test made is gone), and ends up equal to the directory.
 * <p>
 * Equal means: the replica's live tenants, users and clients are exactly the directory's (every one of them, not only
 * this test's), each with the same name, revision, tenant, login, extensions (users) and contacts' phone numbers
 * (clients); and every object this test deleted, on its own or with its tenant, is a tombstone in the replica at the
 * revision of its deletion (its last revision plus one), holding no numbers. The replica never holds an object as
 * live that the directory does not have, nor misses one it has.
 */
@ExtendWith(FaultPlatform.class)
class ReplicaRebuildFaultIT {

    private static final Duration READY = Duration.ofMinutes(3);

    private static LocalPlatform platform;

    @BeforeAll
    static void platform() {
        platform = FaultPlatform.platform();
    }

    @Test
    void aCryptoServiceStartedOnAnEmptyDatabaseAfterCompactionHoldsWhatTheDirectoryHolds() throws Exception {
        // tenants with users (and extensions) and clients (and contacts), changed, some at once after their creation
        String kept = tenant();
        String keptGroup = PlatformApi.create(platform, "groups", """
                {"group": {"tenant_id": "%s", "name": "Agents"}}""".formatted(kept));
        String keptRole = role(kept);
        String agent = user(keptGroup, keptRole);
        String leaver = user(keptGroup, keptRole);
        String untouched = user(keptGroup, keptRole);
        String customer = client(kept);
        String leavingCustomer = client(kept);
        put("tenants", kept, "{\"tenant\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}");
        put("users", agent, "{\"user\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}");
        put("users", agent, "{\"user\": {\"fieldset_recording\": {\"extensions\": [\"" + extension() + "\", \""
                + extension() + "\"]}}}");
        put("clients", customer, """
                {"client": {"contacts": [{"phone_number": "+1555%s"}, {"phone_number": "+1555%s"}]}}"""
                .formatted(extension(), extension()));
        String second = tenant();
        put("tenants", second, "{\"tenant\": {\"timezone\": \"Europe/London\"}}");
        String secondGroup = PlatformApi.create(platform, "groups", """
                {"group": {"tenant_id": "%s", "name": "Agents"}}""".formatted(second));
        String secondAgent = user(secondGroup, role(second));
        put("users", secondAgent, "{\"user\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}");
        client(second);

        String gone = tenant();
        String goneGroup = PlatformApi.create(platform, "groups", """
                {"group": {"tenant_id": "%s", "name": "Agents"}}""".formatted(gone));
        String goneAgent = user(goneGroup, role(gone));
        put("users", goneAgent, "{\"user\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}");
        String goneCustomer = client(gone);
        put("clients", goneCustomer, "{\"client\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}");

        // deletions: a user, a client, and a tenant with everything it owns; each at its revision plus one
        Map<String, Long> deletions = new HashMap<>();
        for (String user : List.of(leaver)) {
            deletions.put(user, directoryRevision("app_user", user) + 1);
            delete("users", user);
        }
        deletions.put(leavingCustomer, directoryRevision("client", leavingCustomer) + 1);
        delete("clients", leavingCustomer);
        deletions.put(goneAgent, directoryRevision("app_user", goneAgent) + 1);
        deletions.put(goneCustomer, directoryRevision("client", goneCustomer) + 1);
        deletions.put(gone, directoryRevision("tenant", gone) + 1);
        delete("tenants", gone);

        // the broker's cleaner removes every superseded event of these objects
        List<String> objects = List.of(kept, agent, leaver, untouched, customer, leavingCustomer, second, secondAgent,
                gone, goneAgent, goneCustomer);
        List<String> rollers = tenantsOnEveryPartition();
        String bootstrap = platform.kafkaBootstrapServers();
        KafkaTopics.compactUntil(bootstrap, DirectoryEvents.TOPIC, Duration.ofMinutes(3), () -> {
            // a change on each partition closes the segment before it: only closed segments are cleaned
            rollers.forEach(roller -> put("tenants", roller, "{\"tenant\": {\"timezone\": \"UTC\"}}"));
            Map<String, Long> events = KafkaTopics.all(bootstrap, DirectoryEvents.TOPIC).stream()
                    .map(ConsumerRecord::key).filter(objects::contains)
                    .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
            return events.size() == objects.size() && events.values().stream().allMatch(count -> count == 1);
        });

        String database = "parley_rebuild_" + UUID.randomUUID().toString().replace("-", "");
        execute(platform.database().jdbcUrl(), "CREATE DATABASE " + database);
        String replicaUrl = platform.database().jdbcUrl().replaceAll("/[^/]*$", "/" + database);
        ServiceProcess rebuilt = null;
        try {
            rebuilt = platform.startAnother("crypto-service", "crypto-service-rebuilt-" + database.substring(15, 23),
                    Map.of("QUARKUS_DATASOURCE_JDBC_URL", replicaUrl,
                            "MP_MESSAGING_INCOMING_DIRECTORY_EVENTS_GROUP_ID", database));

            // the last event of each partition is a roller's change: once the replica holds each at the
            // directory's revision, it has read the whole topic
            Map<String, Long> rolled = new HashMap<>();
            rollers.forEach(roller -> rolled.put(roller, directoryRevision("tenant", roller)));
            await().atMost(READY).pollInterval(Duration.ofSeconds(1)).until(() -> rolled.entrySet().stream()
                    .allMatch(roller -> rows(replicaUrl, "SELECT id, revision FROM crypto.known_tenant WHERE id = ?",
                            UUID.fromString(roller.getKey())).equals(Map.of(roller.getKey(), "" + roller.getValue()))));

            String directoryUrl = platform.database().jdbcUrl();
            assertEquals(rows(directoryUrl, "SELECT id, name, revision FROM directory.tenant"),
                    rows(replicaUrl, "SELECT id, name, revision FROM crypto.known_tenant WHERE deleted_at IS NULL"),
                    "live tenants");
            assertEquals(rows(directoryUrl, """
                    SELECT u.id, u.tenant_id, u.group_id, u.name, u.login, u.revision,
                    array(SELECT e.extension FROM directory.user_extension e WHERE e.user_id = u.id ORDER BY 1)
                    FROM directory.app_user u"""),
                    rows(replicaUrl, """
                            SELECT u.id, u.tenant_id, u.group_id, u.name, u.login, u.revision,
                            array(SELECT e.extension FROM crypto.known_user_extension e WHERE e.user_id = u.id
                            ORDER BY 1)
                            FROM crypto.known_user u WHERE u.deleted_at IS NULL"""),
                    "live users");
            assertEquals(rows(directoryUrl, """
                    SELECT c.id, c.tenant_id, c.name, c.revision,
                    array(SELECT DISTINCT p.phone_number FROM directory.client_contact p WHERE p.client_id = c.id
                    ORDER BY 1)
                    FROM directory.client c"""),
                    rows(replicaUrl, """
                            SELECT c.id, c.tenant_id, c.name, c.revision,
                            array(SELECT p.phone_number FROM crypto.known_client_phone p WHERE p.client_id = c.id
                            ORDER BY 1)
                            FROM crypto.known_client c WHERE c.deleted_at IS NULL"""),
                    "live clients");

            Map<String, String> tombstones = new TreeMap<>();
            deletions.forEach((id, revision) -> tombstones.put(id, "" + revision));
            UUID[] deleted = deletions.keySet().stream().map(UUID::fromString).toArray(UUID[]::new);
            assertEquals(tombstones, rows(replicaUrl, """
                    SELECT id, revision FROM crypto.known_tenant WHERE deleted_at IS NOT NULL AND id = ANY(?)
                    UNION ALL SELECT id, revision FROM crypto.known_user WHERE deleted_at IS NOT NULL AND id = ANY(?)
                    UNION ALL SELECT id, revision FROM crypto.known_client WHERE deleted_at IS NOT NULL AND id = ANY(?)
                    """, deleted, deleted, deleted), "the deleted objects, at the revisions of their deletions");
            assertEquals(Map.of(), rows(replicaUrl, """
                    SELECT e.user_id, e.extension FROM crypto.known_user_extension e
                    JOIN crypto.known_user u ON u.id = e.user_id WHERE u.deleted_at IS NOT NULL
                    UNION ALL SELECT p.client_id, p.phone_number FROM crypto.known_client_phone p
                    JOIN crypto.known_client c ON c.id = p.client_id WHERE c.deleted_at IS NOT NULL"""),
                    "numbers of deleted users and clients");
        } finally {
            if (rebuilt != null) {
                rebuilt.stop(Duration.ofSeconds(20));
            }
            execute(platform.database().jdbcUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Tenants whose events, keyed by their ids, land on each of the topic's partitions. */
    private static List<String> tenantsOnEveryPartition() {
        int partitions = KafkaTopics.partitions(platform.kafkaBootstrapServers(), DirectoryEvents.TOPIC);
        Map<Integer, String> tenants = new HashMap<>();
        while (tenants.size() < partitions) {
            String tenant = tenant();
            tenants.putIfAbsent(KafkaTopics.partitionOf(tenant, partitions), tenant);
        }
        return new ArrayList<>(tenants.values());
    }

    private static String tenant() {
        return PlatformApi.create(platform, "tenants", """
                {"tenant": {"name": "Rebuilt %s"}}""".formatted(UUID.randomUUID()));
    }

    private static String role(String tenant) {
        return PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Agent", "access_level": "user"}}""".formatted(tenant));
    }

    private static String user(String group, String role) {
        String name = UUID.randomUUID().toString();
        return PlatformApi.create(platform, "users", """
                {"user": {"name": "Agent %s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"login": "rebuilt-%s", "password": "Rebuilt-password-1"},
                 "fieldset_recording": {"extensions": ["%s"]}}}""".formatted(name, group, role, name, extension()));
    }

    private static String client(String tenant) {
        return PlatformApi.create(platform, "clients", """
                {"client": {"tenant_id": "%s", "name": "Client %s", "contacts": [{"phone_number": "+1555%s"}]}}"""
                .formatted(tenant, UUID.randomUUID(), extension()));
    }

    /** An extension (or the end of a phone number) no other test is likely to have given anyone. */
    private static String extension() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L));
    }

    private static void put(String plural, String id, String json) {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body(json)
                .when().put(platform.apiUrl() + "/" + plural + "/" + id + ".json")
                .then().statusCode(200);
    }

    private static void delete(String plural, String id) {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().delete(platform.apiUrl() + "/" + plural + "/" + id + ".json")
                .then().statusCode(200);
    }

    /** The revision the directory holds of one of its objects. */
    private static long directoryRevision(String table, String id) {
        return Long.parseLong(rows(platform.database().jdbcUrl(),
                "SELECT id, revision FROM directory." + table + " WHERE id = ?", UUID.fromString(id)).get(id));
    }

    /** The rows of a query by their first column, the others joined in one text, in the order of their ids. */
    private static Map<String, String> rows(String url, String sql, Object... parameters) {
        LocalSettings.Database database = platform.database();
        try (Connection connection = DriverManager.getConnection(url, database.user(), database.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            Map<String, String> rows = new TreeMap<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int column = 2; column <= columns; column++) {
                        values.add(String.valueOf(result.getString(column)));
                    }
                    rows.put(result.getString(1), String.join(" | ", values));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        LocalSettings.Database database = platform.database();
        try (Connection connection = DriverManager.getConnection(url, database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
