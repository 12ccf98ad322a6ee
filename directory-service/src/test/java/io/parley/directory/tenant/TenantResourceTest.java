package io.parley.directory.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.parley.directory.access.Access;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TenantResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TenantService tenantService;

    @Test
    void createdTenantIsServedByIdWithLocationAndUrl() {
        String name = unique("Acme");
        String location = given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + name + "\", \"timezone\": \"Europe/London\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern("/api/v2/tenants/[0-9a-f-]{36}\\.json"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("tenant.name", equalTo(name))
                .body("tenant.timezone", equalTo("Europe/London"))
                .body("tenant.tenant_id", equalTo(location.substring(16, 52)));
    }

    @Test
    void createAnswersWithTheObjectUrlInTheBody() {
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"" + unique("Url") + "\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(201)
                .body("url", org.hamcrest.Matchers.startsWith("/api/v2/tenants/"));
    }

    @Test
    void blankNameIsRejectedInTheReferenceErrorShape() {
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"  \"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void nameWithAControlCharacterIsRejectedByName() {
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"Nul \\u0000 Inside\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].description",
                        equalTo("must be at most 255 bytes of UTF-8 text, without control characters"));
    }

    @Test
    void duplicateNameIsRejectedRegardlessOfCase() {
        String name = unique("Twin");
        createTenant(name);
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"" + name.toUpperCase() + "\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void unknownTimezoneIsRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + unique("Tz") + "\", \"timezone\": \"Mars/Olympus\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("timezone"));
    }

    @Test
    void unknownPropertyIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + unique("Extra") + "\", \"colour\": \"blue\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("colour"))
                .body("details.fields[0].error", equalTo("unknown"));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": ")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("InvalidJson"));
    }

    @Test
    void bodyThatIsNotJsonIsA415() {
        given().contentType(ContentType.TEXT).body("name=Acme")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(415)
                .contentType(ContentType.JSON)
                .body("error", equalTo("UnsupportedMediaType"));
    }

    @Test
    void unknownOrMalformedIdIsA404InTheErrorShape() {
        given().when().get("/api/v2/tenants/" + UUID.randomUUID() + ".json")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("NotFound"));
        given().when().get("/api/v2/tenants/not-a-uuid.json")
                .then().statusCode(404)
                .body("error", equalTo("NotFound"));
    }

    @Test
    void listPagesWithNextUrlKeepingTheSearchAndTotalOnTheLastPage() {
        String prefix = unique("Paged");
        createTenant(prefix + " A");
        createTenant(prefix + " B");
        createTenant(prefix + " C");

        given().queryParam("search_term", prefix.toLowerCase()).queryParam("limit", 2)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200)
                .body("tenants.name", contains(prefix + " A", prefix + " B"))
                .body("next_url", equalTo("/api/v2/tenants.json?search_term=" + prefix.toLowerCase().replace(" ", "%20")
                        + "&limit=2&start=2"))
                .body("$", not(hasKey("total")));

        given().queryParam("search_term", prefix.toLowerCase()).queryParam("limit", 2).queryParam("start", 2)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200)
                .body("tenants.name", contains(prefix + " C"))
                .body("next_url", nullValue())
                .body("total", equalTo(3));
    }

    @Test
    void maxTotalCalcCountsOnAnyPage() {
        String prefix = unique("Counted");
        createTenant(prefix + " A");
        createTenant(prefix + " B");
        createTenant(prefix + " C");

        given().queryParam("search_term", prefix).queryParam("limit", 1).queryParam("max_total_calc", 10)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200)
                .body("tenants.size()", equalTo(1))
                .body("total", equalTo(3));
    }

    @Test
    void badPagingParametersAreRejectedByName() {
        given().queryParam("limit", "many").when().get("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("limit"));
        given().queryParam("start", -1).when().get("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("start"));
    }

    @Test
    void createIsPublishedToKafkaWithTheTenantAndAnEventId() throws Exception {
        String id = createTenant(unique("Published"));

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id), Duration.ofSeconds(30)).orElseThrow();
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(id, record.key());
        assertEquals(DirectoryEvents.TENANT_CREATED, event.get("type").asText());
        assertEquals(id, event.get("tenantid").asText());
        assertEquals(id, event.at("/data/tenant/tenant_id").asText());
        assertEquals(DirectoryEvents.VERSION, event.get("dataversion").asInt());
        assertTrue(event.hasNonNull("id"));
        // a CloudEvent in structured mode, its time in RFC 3339 with Z
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/parley/directory-service", event.get("source").asText());
        assertEquals(id, event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.get("time").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void rolledBackChangePublishesNothing() {
        String rolledBack = unique("RolledBack");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            tenantService.create(Access.INSTALLATION, TenantInput.named(rolledBack));
            throw new IllegalStateException("a later step of the same transaction failed");
        }));
        String committed = createTenant(unique("Committed"));

        // the relay publishes in commit order: once the later event is readable, an earlier one would be too
        KafkaTopics.await(kafka, DirectoryEvents.TOPIC, value -> value.contains(committed), Duration.ofSeconds(30))
                .orElseThrow();
        assertTrue(KafkaTopics.await(kafka, DirectoryEvents.TOPIC, value -> value.contains(rolledBack),
                Duration.ofSeconds(3)).isEmpty());
        given().queryParam("search_term", rolledBack).when().get("/api/v2/tenants.json")
                .then().statusCode(200).body("tenants.size()", equalTo(0));
    }

    static String createTenant(String name) {
        String location = given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"" + name + "\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(201)
                .extract().header("Location");
        return location.substring("/api/v2/tenants/".length(), location.length() - ".json".length());
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
