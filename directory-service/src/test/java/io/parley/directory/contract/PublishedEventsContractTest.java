package io.parley.directory.contract;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.contract.AsyncApiContract;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every event directory-service publishes on {@code directory.events} is one the AsyncAPI document describes
 * (contract/asyncapi.yaml): each of its fifteen types, caused through the API, deletions of a tenant's objects with
 * the tenant included.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.ofRepository();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void directoryEventsOfEveryTypeAreAsTheContractDescribes() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Group"));
        String role = createRole(tenant, unique("Role"));
        String user = createUser(group, role, unique("Agent"), ", \"fieldset_recording\": {\"extensions\": [\""
                + System.nanoTime() % 100_000_000 + "\"]}");
        String client = given().contentType(ContentType.JSON).body("{\"client\": {\"tenant_id\": \"" + tenant
                + "\", \"name\": \"" + unique("Client")
                + "\", \"contacts\": [{\"phone_number\": \"+15550100\", \"name\": \"Front desk\"}, {\"phone_number\": \"+15550101\"}]}}")
                .when().post("/api/v2/clients.json").then().statusCode(201).extract().header("Location")
                .replaceAll(".*/clients/([0-9a-f-]{36})\\.json$", "$1");
        update("/api/v2/tenants/" + tenant + ".json", "{\"tenant\": {\"timezone\": \"Europe/London\"}}");
        update("/api/v2/groups/" + group + ".json", "{\"group\": {\"name\": \"" + unique("Renamed") + "\"}}");
        update("/api/v2/roles/" + role + ".json", "{\"role\": {\"permissions\": {\"calls\": [\"view\"]}}}");
        update("/api/v2/users/" + user + ".json", "{\"user\": {\"name\": \"" + unique("Renamed") + "\"}}");
        update("/api/v2/clients/" + client + ".json", "{\"client\": {\"name\": \"" + unique("Renamed") + "\"}}");
        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        Set<String> ids = Set.of(tenant, group, role, user, client);
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTopics.all(kafka, DirectoryEvents.TOPIC).stream()
                        .filter(record -> ids.contains(record.key())).toList(),
                found -> AsyncApiContract.typesOf(found).size() == 15);

        CONTRACT.assertDescribe(records);
    }

    private static void update(String path, String body) {
        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(200);
    }
}
