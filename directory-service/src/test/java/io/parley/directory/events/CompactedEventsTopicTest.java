package io.parley.directory.events;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code directory.events} is compacted, and what compaction leaves of it (the last event of each object) is the
 * directory: a replica that starts from nothing gets every existing object's current state and the deletion of every
 * deleted one.
 */
@QuarkusTest
class CompactedEventsTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void theDirectorysTopicIsCompactedOnceTheServiceStarted() {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "compact".equals(policy(admin, DirectoryEvents.TOPIC)));
        }
    }

    @Test
    void aTopicWithAnotherCleanupPolicyIsSetToCompactionAndLeftSoThen() throws Exception {
        String topic = "parley-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")))).all().get(30, TimeUnit.SECONDS);

            assertEquals("Set cleanup.policy of " + topic + " from delete to compact",
                    CompactedEventsTopic.ensureCompacted(admin, topic));
            // the brokers take the change over from the controller in a moment
            await().atMost(Duration.ofSeconds(30)).until(() -> "compact".equals(policy(admin, topic)));
            assertEquals(topic + " is compacted (cleanup.policy=compact)", CompactedEventsTopic.ensureCompacted(admin,
                    topic));
        }
    }

    @Test
    void aMissingTopicIsCreatedCompacted() throws Exception {
        String topic = "parley-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            assertEquals("Created " + topic + " with cleanup.policy=compact",
                    CompactedEventsTopic.ensureCompacted(admin, topic));
            // a new topic's metadata reaches every broker's view in a moment: until then it is unknown
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> "compact".equals(policy(admin, topic)));
        }
    }

    /**
     * Objects created, changed and deleted, a tenant deleted with what it owned; once the broker's cleaner has
     * removed every superseded event, the last event of each object, applied as a replica applies them (highest
     * revision, a deletion for good), gives exactly the directory's objects, names and revisions.
     */
    @Test
    void aReplicaBuiltFromTheCompactedTopicAloneEqualsTheDirectory() throws Exception {
        String kept = createTenant();
        String group = createGroup(kept, unique("Group"));
        String role = createRole(kept, unique("Role"));
        String agent = createUser(group, role, unique("Agent"), ", \"fieldset_recording\": {\"extensions\": [\"11\"]}");
        String leaver = createUser(group, role, unique("Leaver"), "");
        String client = client(kept);
        put("/api/v2/tenants/" + kept + ".json", "{\"tenant\": {\"timezone\": \"Europe/London\"}}");
        put("/api/v2/users/" + agent + ".json", "{\"user\": {\"name\": \"" + unique("Renamed") + "\"}}");
        put("/api/v2/users/" + agent + ".json", "{\"user\": {\"fieldset_recording\": {\"extensions\": [\"12\"]}}}");
        put("/api/v2/clients/" + client + ".json", "{\"client\": {\"name\": \"" + unique("Client") + "\"}}");
        given().when().delete("/api/v2/users/" + leaver + ".json").then().statusCode(200);

        String gone = createTenant();
        String goneGroup = createGroup(gone, unique("Group"));
        String goneRole = createRole(gone, unique("Role"));
        String goneUser = createUser(goneGroup, goneRole, unique("Agent"), "");
        String goneClient = client(gone);
        put("/api/v2/users/" + goneUser + ".json", "{\"user\": {\"name\": \"" + unique("Renamed") + "\"}}");
        given().when().delete("/api/v2/tenants/" + gone + ".json").then().statusCode(200);

        List<String> objects = List.of(kept, group, role, agent, leaver, client, gone, goneGroup, goneRole, goneUser,
                goneClient);
        List<String> rollers = tenantsOnEveryPartition();
        compactedTopic(() -> {
            // a change appends to its partition, which closes the segment before it: only closed ones are cleaned
            rollers.forEach(roller -> put("/api/v2/tenants/" + roller + ".json",
                    "{\"tenant\": {\"timezone\": \"UTC\"}}"));
            Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
            KafkaTopics.all(kafka, DirectoryEvents.TOPIC).stream().filter(record -> objects.contains(record.key()))
                    .forEach(record -> byKey.computeIfAbsent(record.key(), key -> new java.util.ArrayList<>())
                            .add(record));
            return byKey.size() == objects.size() && byKey.values().stream().allMatch(records -> records.size() == 1);
        });

        Map<String, JsonNode> replica = new HashMap<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.all(kafka, DirectoryEvents.TOPIC)) {
            JsonNode event = JSON.readTree(record.value());
            replica.merge(record.key(), event, (held, arriving) -> arriving.path("revision").asLong() > held.path(
                    "revision").asLong() && !held.path("type").asText().endsWith(".deleted") ? arriving : held);
        }
        for (String id : objects) {
            JsonNode last = replica.get(id);
            Optional<Object[]> row = directoryRow(id);
            if (row.isEmpty()) {
                assertTrue(last.path("type").asText().endsWith(".deleted"), id + ": " + last.path("type"));
            } else {
                String resource = last.path("type").asText().replaceAll("\\..*", "");
                assertTrue(!last.path("type").asText().endsWith(".deleted"), id + " exists: " + last.path("type"));
                assertEquals(row.get()[0], last.at("/data/" + resource + "/name").asText(), id);
                assertEquals(((Number) row.get()[1]).longValue(), last.path("revision").asLong(), id);
            }
        }
        assertEquals("12", replica.get(agent).at("/data/user/fieldset_recording/extensions/0").asText());
        assertEquals(List.of(kept, group, role, agent, client), objects.stream()
                .filter(id -> directoryRow(id).isPresent()).toList());
    }

    /** Tenants whose events, keyed by their ids, land on each of the topic's partitions. */
    private List<String> tenantsOnEveryPartition() {
        int partitions = KafkaTopics.partitions(kafka, DirectoryEvents.TOPIC);
        Map<Integer, String> tenants = new HashMap<>();
        while (tenants.size() < partitions) {
            String tenant = createTenant();
            tenants.putIfAbsent(KafkaTopics.partitionOf(tenant, partitions), tenant);
        }
        return List.copyOf(tenants.values());
    }

    /** Name and revision of the directory object with this id, whatever its kind; empty when there is none. */
    private Optional<Object[]> directoryRow(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (String table : List.of("tenant", "user_group", "role", "app_user", "client")) {
                List<?> rows = entityManager.createNativeQuery("SELECT name, revision FROM " + table + " WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id)).getResultList();
                if (!rows.isEmpty()) {
                    return Optional.of((Object[]) rows.get(0));
                }
            }
            return Optional.<Object[]> empty();
        });
    }

    /** Lets the broker's cleaner compact the topic at once until {@code compacted} holds. */
    private void compactedTopic(BooleanSupplier compacted) throws Exception {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "compact".equals(policy(admin, DirectoryEvents.TOPIC)));
        }
        KafkaTopics.compactUntil(kafka, DirectoryEvents.TOPIC, Duration.ofMinutes(3), compacted);
    }

    private String client(String tenant) {
        return given().contentType(ContentType.JSON).body("{\"client\": {\"tenant_id\": \"" + tenant
                + "\", \"name\": \"" + unique("Client") + "\", \"contacts\": [{\"phone_number\": \"+15550100\"}]}}")
                .when().post("/api/v2/clients.json").then().statusCode(201).extract().header("Location")
                .replaceAll(".*/clients/([0-9a-f-]{36})\\.json$", "$1");
    }

    private static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(200);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
    }

    private static String policy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
