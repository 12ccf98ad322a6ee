package io.parley.directory.group;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.insertUser;
import static io.parley.directory.DirectoryFixtures.racingAnUncommittedInsert;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.RandomText;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class GroupResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void createdGroupIsServedByIdWithLocationAndUrl() {
        String tenantId = createTenant();
        String name = unique("Sales");
        String location = given().contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name
                        + "\", \"timezone\": \"Europe/London\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v2/groups/[0-9a-f-]{36}\\.json"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("group.group_id", equalTo(idOf(location)))
                .body("group.tenant_id", equalTo(tenantId))
                .body("group.name", equalTo(name))
                .body("group.timezone", equalTo("Europe/London"));
    }

    @Test
    void createAnswersWithTheObjectUrlInTheBody() {
        given().contentType(ContentType.JSON).body(body(createTenant(), unique("Url")))
                .when().post("/api/v2/groups.json")
                .then().statusCode(201)
                .body("url", matchesPattern("/api/v2/groups/[0-9a-f-]{36}\\.json"));
    }

    @Test
    void groupIdInTheBodyIsIgnored() {
        String tenantId = createTenant();
        String sent = UUID.randomUUID().toString();
        String location = given().contentType(ContentType.JSON)
                .body("{\"group\": {\"group_id\": \"" + sent + "\", \"tenant_id\": \"" + tenantId
                        + "\", \"name\": \"" + unique("ReadOnly") + "\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(201)
                .extract().header("Location");
        assertFalse(location.contains(sent));
    }

    @Test
    void searchTermMatchesPartOfTheNameIgnoringCase() {
        String tenantId = createTenant();
        String name = unique("Supervisors");
        createGroup(tenantId, name);
        createGroup(tenantId, unique("Agents"));

        given().queryParam("search_term", name.substring(6).toUpperCase())
                .when().get("/api/v2/groups.json")
                .then().statusCode(200)
                .body("groups.name", contains(name))
                .body("groups[0].tenant_id", equalTo(tenantId))
                .body("total", equalTo(1));
    }

    @Test
    void tenantIdRestrictsTheListToThatTenant() {
        String tenantId = createTenant();
        String otherTenantId = createTenant();
        String name = unique("Shared");
        String ownId = createGroup(tenantId, name);
        createGroup(otherTenantId, name);

        given().queryParam("tenant_id", tenantId).queryParam("search_term", name)
                .when().get("/api/v2/groups.json")
                .then().statusCode(200)
                .body("groups.group_id", contains(ownId));
        given().queryParam("tenant_id", tenantId)
                .when().get("/api/v2/groups.json")
                .then().statusCode(200)
                .body("groups.group_id", contains(ownId))
                .body("total", equalTo(1));
    }

    @Test
    void listPagesInNameOrderWithNextUrlAndTotalOnTheLastPage() {
        String tenantId = createTenant();
        createGroup(tenantId, "Gamma");
        createGroup(tenantId, "alpha");
        createGroup(tenantId, "Beta");

        given().queryParam("tenant_id", tenantId).queryParam("limit", 2)
                .when().get("/api/v2/groups.json")
                .then().statusCode(200)
                .body("groups.name", contains("alpha", "Beta"))
                .body("next_url", equalTo("/api/v2/groups.json?tenant_id=" + tenantId + "&limit=2&start=2"))
                .body("$", not(hasKey("total")));

        given().queryParam("tenant_id", tenantId).queryParam("limit", 2).queryParam("start", 2)
                .when().get("/api/v2/groups.json")
                .then().statusCode(200)
                .body("groups.name", contains("Gamma"))
                .body("next_url", nullValue())
                .body("total", equalTo(3));
    }

    @Test
    void malformedTenantIdParameterIsRejectedByName() {
        given().queryParam("tenant_id", "not-a-uuid")
                .when().get("/api/v2/groups.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void updateChangesOnlyTheSuppliedFields() {
        String tenantId = createTenant();
        String id = idOf(given().contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + unique("Before")
                        + "\", \"timezone\": \"Asia/Tokyo\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(201)
                .extract().header("Location"));
        String renamed = unique("After");

        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"" + renamed + "\"}}")
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(200)
                .body("group.group_id", equalTo(id))
                .body("group.name", equalTo(renamed))
                .body("group.timezone", equalTo("Asia/Tokyo"))
                .body("group.tenant_id", equalTo(tenantId));
        given().when().get("/api/v2/groups/" + id + ".json")
                .then().statusCode(200)
                .body("group.name", equalTo(renamed))
                .body("group.timezone", equalTo("Asia/Tokyo"));
    }

    @Test
    void updateKeepingTheSameTenantIdAndNameIsAccepted() {
        String tenantId = createTenant();
        String name = unique("Same");
        String id = createGroup(tenantId, name);

        given().contentType(ContentType.JSON).body(body(tenantId, name.toUpperCase()))
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(200)
                .body("group.name", equalTo(name.toUpperCase()));
    }

    @Test
    void updateCannotMoveTheGroupToAnotherTenant() {
        String id = createGroup(createTenant(), unique("Settled"));

        given().contentType(ContentType.JSON).body("{\"group\": {\"tenant_id\": \"" + createTenant() + "\"}}")
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void renameToANameTakenInTheTenantIsRejected() {
        String tenantId = createTenant();
        String taken = unique("Taken");
        createGroup(tenantId, taken);
        String id = createGroup(tenantId, unique("Other"));

        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"" + taken.toLowerCase() + "\"}}")
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void nameLongerThanItsIndexHoldsIsRejected() {
        String id = createGroup(createTenant(), unique("Short"));

        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"" + RandomText.cjk(1_000) + "\"}}")
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void updateRejectsAnUnknownTimezone() {
        String id = createGroup(createTenant(), unique("Tz"));

        given().contentType(ContentType.JSON).body("{\"group\": {\"timezone\": \"Mars/Olympus\"}}")
                .when().put("/api/v2/groups/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("timezone"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void deletedGroupIsGone() {
        String id = createGroup(createTenant(), unique("Doomed"));

        given().when().delete("/api/v2/groups/" + id + ".json")
                .then().statusCode(200);
        given().when().get("/api/v2/groups/" + id + ".json")
                .then().statusCode(404);
    }

    @Test
    void groupWithUsersCannotBeDeleted() {
        String tenantId = createTenant();
        String id = createGroup(tenantId, unique("Busy"));
        insertUser(tenantId, createRole(tenantId, unique("Agent")), id);

        given().when().delete("/api/v2/groups/" + id + ".json")
                .then().statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", equalTo("InUse"))
                .body("description", matchesPattern(".*1 user.*"));
        given().when().get("/api/v2/groups/" + id + ".json")
                .then().statusCode(200);
    }

    @Test
    void groupGainingAUserWhileItIsDeletedIsStillInUse() throws Exception {
        String tenantId = createTenant();
        String id = createGroup(tenantId, unique("Contested"));
        String roleId = createRole(tenantId, unique("Agent"));

        int status = racingAnUncommittedInsert(
                "INSERT INTO app_user (id, tenant_id, role_id, group_id, name, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, 'Latecomer', now())",
                List.of(UUID.randomUUID(), UUID.fromString(tenantId), UUID.fromString(roleId), UUID.fromString(id)),
                () -> given().when().delete("/api/v2/groups/" + id + ".json").then().extract().statusCode());

        assertEquals(409, status);
        given().when().get("/api/v2/groups/" + id + ".json")
                .then().statusCode(200);
    }

    @Test
    void unknownOrMalformedIdIsA404ForViewUpdateAndDelete() {
        String unknown = "/api/v2/groups/" + UUID.randomUUID() + ".json";
        given().when().get(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"x\"}}")
                .when().put(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().when().delete(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().when().get("/api/v2/groups/not-a-uuid.json").then().statusCode(404);
    }

    @Test
    void missingTenantIdIsRejectedAsBlank() {
        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"" + unique("Orphan") + "\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void unknownTenantIsRejectedAsInvalid() {
        given().contentType(ContentType.JSON).body(body(UUID.randomUUID().toString(), unique("Lost")))
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void malformedTenantIdInTheBodyIsRejectedByName() {
        given().contentType(ContentType.JSON).body(body("not-a-uuid", unique("Odd")))
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void blankNameIsRejected() {
        given().contentType(ContentType.JSON).body(body(createTenant(), "  "))
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void missingNameIsRejectedAsBlank() {
        given().contentType(ContentType.JSON).body("{\"group\": {\"tenant_id\": \"" + createTenant() + "\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void nameTakenInTheTenantIsRejectedRegardlessOfCase() {
        String tenantId = createTenant();
        String name = unique("Twin");
        createGroup(tenantId, name);

        given().contentType(ContentType.JSON).body(body(tenantId, name.toUpperCase()))
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"))
                .body("details.fields[0].description", equalTo("Group with such name exists already"));
    }

    @Test
    void nameTakenInAnotherTenantIsAllowed() {
        String name = unique("Everywhere");
        createGroup(createTenant(), name);

        given().contentType(ContentType.JSON).body(body(createTenant(), name))
                .when().post("/api/v2/groups.json")
                .then().statusCode(201);
    }

    @Test
    void unknownTimezoneIsRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Tz")
                        + "\", \"timezone\": \"Mars/Olympus\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("timezone"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void unknownPropertyIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Extra")
                        + "\", \"colour\": \"blue\"}}")
                .when().post("/api/v2/groups.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("colour"))
                .body("details.fields[0].error", equalTo("unknown"));
    }

    @Test
    void createIsPublishedToKafkaWithTheGroup() throws Exception {
        String tenantId = createTenant();
        String id = createGroup(tenantId, unique("Published"));

        JsonNode event = awaitEvent(DirectoryEvents.GROUP_CREATED, id);
        assertEquals(tenantId, event.get("tenantid").asText());
        assertEquals(id, event.at("/data/group/group_id").asText());
        assertEquals(tenantId, event.at("/data/group/tenant_id").asText());
    }

    @Test
    void deleteIsPublishedToKafkaWithTheGroupAsItWas() throws Exception {
        String tenantId = createTenant();
        String name = unique("Gone");
        String id = createGroup(tenantId, name);
        given().when().delete("/api/v2/groups/" + id + ".json").then().statusCode(200);

        JsonNode event = awaitEvent(DirectoryEvents.GROUP_DELETED, id);
        assertEquals(name, event.at("/data/group/name").asText());
    }

    private JsonNode awaitEvent(String type, String groupId) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(groupId) && value.contains("\"" + type + "\""), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(groupId, record.key());
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(type, event.get("type").asText());
        return event;
    }

    private static String body(String tenantId, String name) {
        return "{\"group\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name + "\"}}";
    }

    private static String idOf(String location) {
        return location.substring("/api/v2/groups/".length(), location.length() - ".json".length());
    }
}
