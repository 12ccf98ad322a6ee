package io.parley.directory.events;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.IdentityTokens;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.parley.directory.RootTokenByDefault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every event of a directory object carries its revision: 1 when created, one more per change, in the order the
 * changes were committed, the deletion one more than the last change; a tenant's deletion publishes the deletion of
 * everything it owned.
 */
@QuarkusTest
class DirectoryRevisionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aTenantsEventsCarryRevisionsFromOneUpInTheirOrder() throws Exception {
        String tenant = createTenant();
        update("/api/v2/tenants/" + tenant + ".json", "{\"tenant\": {\"timezone\": \"Europe/London\"}}");
        update("/api/v2/tenants/" + tenant + ".json", "{\"tenant\": {\"timezone\": \"Europe/Paris\"}}");
        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        List<JsonNode> events = awaitEvents(tenant, 4);
        assertEquals(List.of("tenant.created:1", "tenant.updated:2", "tenant.updated:3", "tenant.deleted:4"),
                events.stream().map(event -> event.path("type").asText() + ":" + event.path("revision").asLong())
                        .toList());
    }

    /** Concurrent changes of one object wait for one another, and reach Kafka in the order of their revisions. */
    @Test
    void concurrentUpdatesOfOneUserAllSucceedWithTheirRevisionsInCommitOrder() throws Exception {
        String tenant = createTenant();
        String user = createUser(createGroup(tenant, unique("Group")), createRole(tenant, unique("Role")),
                unique("Agent"), "");
        String token = IdentityTokens.of(RootTokenByDefault.ROOT);

        List<CompletableFuture<Integer>> updates = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body("{\"user\": {\"name\": \"Agent " + i + "\"}}")
                        .when().put("/api/v2/users/" + user + ".json").then().extract().statusCode()))
                .toList();
        for (CompletableFuture<Integer> update : updates) {
            assertEquals(200, update.get());
        }

        List<JsonNode> events = awaitEvents(user, 9);
        assertEquals(range(1, 9), events.stream().map(event -> event.path("revision").asLong()).toList());
        String lastName = events.get(8).at("/data/user/name").asText();
        given().when().get("/api/v2/users/" + user + ".json").then().statusCode(200)
                .body("user.name", org.hamcrest.Matchers.equalTo(lastName));
    }

    @Test
    void aTenantsDeletionPublishesTheDeletionOfEachObjectItOwned() throws Exception {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Group"));
        String role = createRole(tenant, unique("Role"));
        String user = createUser(group, role, unique("Agent"), ", \"fieldset_recording\": {\"extensions\": [\"77\"]}");
        update("/api/v2/users/" + user + ".json", "{\"user\": {\"name\": \"" + unique("Renamed") + "\"}}");
        String client = given().contentType(ContentType.JSON).body("{\"client\": {\"tenant_id\": \"" + tenant
                + "\", \"name\": \"" + unique("Client") + "\", \"contacts\": [{\"phone_number\": \"+15550100\"}]}}")
                .when().post("/api/v2/clients.json").then().statusCode(201).extract().header("Location")
                .replaceAll(".*/clients/([0-9a-f-]{36})\\.json$", "$1");

        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        assertDeleted(user, DirectoryEvents.USER_DELETED, "user", 3, tenant);
        assertDeleted(client, DirectoryEvents.CLIENT_DELETED, "client", 2, tenant);
        assertDeleted(group, DirectoryEvents.GROUP_DELETED, "group", 2, tenant);
        assertDeleted(role, DirectoryEvents.ROLE_DELETED, "role", 2, tenant);
        assertEquals("77", last(awaitEvents(user, 3)).at("/data/user/fieldset_recording/extensions/0").asText());
    }

    private void assertDeleted(String id, String type, String resource, long revision, String tenant)
            throws Exception {
        List<JsonNode> events = awaitEvents(id, (int) revision);
        JsonNode deletion = last(events);
        assertEquals(type, deletion.path("type").asText());
        assertEquals(revision, deletion.path("revision").asLong());
        assertEquals(tenant, deletion.path("tenantid").asText());
        assertEquals(id, deletion.at("/data/" + resource + "/" + resource + "_id").asText());
    }

    private static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value <= to; value++) {
            values.add(value);
        }
        return values;
    }

    private static void update(String path, String body) {
        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(200);
    }

    /** The events keyed by the object's id, in the order Kafka holds them, once there are {@code count}. */
    private List<JsonNode> awaitEvents(String key, int count) throws Exception {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.all(kafka, DirectoryEvents.TOPIC).stream()
                        .filter(record -> key.equals(record.key())).toList(), found -> found.size() >= count);
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            events.add(JSON.readTree(record.value()));
        }
        return events;
    }
}
