package io.parley.directory.role;

import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.insertUser;
import static io.parley.directory.DirectoryFixtures.racingAnUncommittedInsert;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.response.ExtractableResponse;

@QuarkusTest
class RoleResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void createdRoleIsServedByIdWithLocationAndUrl() {
        String tenantId = createTenant();
        String name = unique("Supervisor");
        String location = given().contentType(ContentType.JSON)
                .body(role(tenantId, name, "managed_groups",
                        "{\"users\": [\"view\"], \"calls\": [\"view\", \"categorize\", \"playback\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v2/roles/[0-9a-f-]{36}\\.json"))
                .body("url", matchesPattern("/api/v2/roles/[0-9a-f-]{36}\\.json"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("role.role_id", equalTo(idOf(location)))
                .body("role.tenant_id", equalTo(tenantId))
                .body("role.name", equalTo(name))
                .body("role.access_level", equalTo("managed_groups"))
                .body("role.permissions.users", contains("view"))
                .body("role.permissions.calls", contains("view", "playback", "categorize"));
    }

    @Test
    void permissionsAbsentOnCreateAreAnEmptyDictionary() {
        String id = createRole(createTenant(), unique("Bare"));

        given().when().get("/api/v2/roles/" + id + ".json")
                .then().statusCode(200)
                .body("role.permissions", anEmptyMap());
    }

    @Test
    void theReferenceExamplePermissionsAreAccepted() {
        given().contentType(ContentType.JSON)
                .body(role(createTenant(), unique("Agent"), "user", "{\"system\": [], \"users\": [\"view\"],"
                        + " \"calls\": [\"view\", \"categorize\", \"on_demand_trigger\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(201);
    }

    @Test
    void searchTermMatchesPartOfTheNameIgnoringCase() {
        String tenantId = createTenant();
        String name = unique("Auditor");
        createRole(tenantId, name);
        createRole(tenantId, unique("Operator"));

        given().queryParam("search_term", name.substring(3).toUpperCase())
                .when().get("/api/v2/roles.json")
                .then().statusCode(200)
                .body("roles.name", contains(name))
                .body("roles[0].access_level", equalTo("user"))
                .body("total", equalTo(1));
    }

    @Test
    void tenantIdRestrictsTheListToThatTenant() {
        String tenantId = createTenant();
        String otherTenantId = createTenant();
        String name = unique("Shared");
        String ownId = createRole(tenantId, name);
        createRole(otherTenantId, name);

        given().queryParam("tenant_id", tenantId).queryParam("search_term", name)
                .when().get("/api/v2/roles.json")
                .then().statusCode(200)
                .body("roles.role_id", contains(ownId));
        given().queryParam("tenant_id", tenantId)
                .when().get("/api/v2/roles.json")
                .then().statusCode(200)
                .body("roles.role_id", contains(ownId))
                .body("total", equalTo(1));
    }

    @Test
    void listPagesInNameOrderWithNextUrlAndTotalOnTheLastPage() {
        String tenantId = createTenant();
        createRole(tenantId, "Gamma");
        createRole(tenantId, "alpha");
        createRole(tenantId, "Beta");

        given().queryParam("tenant_id", tenantId).queryParam("limit", 2)
                .when().get("/api/v2/roles.json")
                .then().statusCode(200)
                .body("roles.name", contains("alpha", "Beta"))
                .body("next_url", equalTo("/api/v2/roles.json?tenant_id=" + tenantId + "&limit=2&start=2"))
                .body("$", not(hasKey("total")));

        given().queryParam("tenant_id", tenantId).queryParam("limit", 2).queryParam("start", 2)
                .when().get("/api/v2/roles.json")
                .then().statusCode(200)
                .body("roles.name", contains("Gamma"))
                .body("next_url", nullValue())
                .body("total", equalTo(3));
    }

    @Test
    void malformedTenantIdParameterIsRejectedByName() {
        given().queryParam("tenant_id", "not-a-uuid")
                .when().get("/api/v2/roles.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void updateChangesOnlyTheSuppliedFields() {
        String tenantId = createTenant();
        String name = unique("Steady");
        String id = idOf(given().contentType(ContentType.JSON)
                .body(role(tenantId, name, "system", "{\"groups\": [\"view\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(201)
                .extract().header("Location"));

        given().contentType(ContentType.JSON).body("{\"role\": {\"access_level\": \"managed_groups\"}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(200)
                .body("role.role_id", equalTo(id))
                .body("role.name", equalTo(name))
                .body("role.access_level", equalTo("managed_groups"))
                .body("role.permissions.groups", contains("view"))
                .body("role.tenant_id", equalTo(tenantId));
        given().when().get("/api/v2/roles/" + id + ".json")
                .then().statusCode(200)
                .body("role.access_level", equalTo("managed_groups"))
                .body("role.permissions.groups", contains("view"));
    }

    @Test
    void updatedPermissionsReplaceTheWholeDictionary() {
        String tenantId = createTenant();
        String id = idOf(given().contentType(ContentType.JSON)
                .body(role(tenantId, unique("Replaced"), "system", "{\"groups\": [\"view\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(201)
                .extract().header("Location"));

        given().contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + tenantId + "\", \"permissions\": {\"users\": [\"view\"]}}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(200)
                .body("role.permissions", not(hasKey("groups")))
                .body("role.permissions.users", contains("view"));
    }

    @Test
    void updateCannotMoveTheRoleToAnotherTenant() {
        String id = createRole(createTenant(), unique("Settled"));

        given().contentType(ContentType.JSON).body("{\"role\": {\"tenant_id\": \"" + createTenant() + "\"}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void renameToANameTakenInTheTenantIsRejected() {
        String tenantId = createTenant();
        String taken = unique("Taken");
        createRole(tenantId, taken);
        String id = createRole(tenantId, unique("Other"));

        given().contentType(ContentType.JSON).body("{\"role\": {\"name\": \"" + taken.toLowerCase() + "\"}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void updateRejectsUnknownPermissions() {
        String id = createRole(createTenant(), unique("Strict"));

        given().contentType(ContentType.JSON).body("{\"role\": {\"permissions\": {\"calls\": [\"teleport\"]}}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("permissions.calls"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void deletedRoleIsGone() {
        String id = createRole(createTenant(), unique("Doomed"));

        given().when().delete("/api/v2/roles/" + id + ".json")
                .then().statusCode(200);
        given().when().get("/api/v2/roles/" + id + ".json")
                .then().statusCode(404);
    }

    @Test
    void roleHeldByUsersCannotBeDeleted() {
        String tenantId = createTenant();
        String id = createRole(tenantId, unique("Held"));
        insertUser(tenantId, id, null);
        insertUser(tenantId, id, null);

        given().when().delete("/api/v2/roles/" + id + ".json")
                .then().statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", equalTo("InUse"))
                .body("description", matchesPattern(".*2 user.*"));
        given().when().get("/api/v2/roles/" + id + ".json")
                .then().statusCode(200);
    }

    @Test
    void unknownOrMalformedIdIsA404ForViewUpdateAndDelete() {
        String unknown = "/api/v2/roles/" + UUID.randomUUID() + ".json";
        given().when().get(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().contentType(ContentType.JSON).body("{\"role\": {\"name\": \"x\"}}")
                .when().put(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().when().delete(unknown).then().statusCode(404).body("error", equalTo("NotFound"));
        given().when().get("/api/v2/roles/not-a-uuid.json").then().statusCode(404);
    }

    @Test
    void missingTenantIdIsRejectedAsBlank() {
        given().contentType(ContentType.JSON)
                .body("{\"role\": {\"name\": \"" + unique("Orphan") + "\", \"access_level\": \"user\"}}")
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void unknownTenantIsRejectedAsInvalid() {
        given().contentType(ContentType.JSON).body(role(UUID.randomUUID().toString(), unique("Lost"), "user", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void blankNameIsRejected() {
        given().contentType(ContentType.JSON).body(role(createTenant(), " ", "user", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void nameLongerThanItsIndexHoldsIsRejected() {
        given().contentType(ContentType.JSON).body(role(createTenant(), RandomText.cjk(1_000), "user", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void missingAccessLevelIsRejectedAsBlank() {
        given().contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Levelless")
                        + "\"}}")
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("access_level"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void unknownAccessLevelIsRejected() {
        given().contentType(ContentType.JSON).body(role(createTenant(), unique("Emperor"), "emperor", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("access_level"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void nameTakenInTheTenantIsRejectedRegardlessOfCase() {
        String tenantId = createTenant();
        String name = unique("Twin");
        createRole(tenantId, name);

        given().contentType(ContentType.JSON).body(role(tenantId, name.toUpperCase(), "user", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"))
                .body("details.fields[0].description", equalTo("Role with such name exists already"));
    }

    @Test
    void nameTakenByAConcurrentCreateIsRejectedAsTaken() throws Exception {
        String tenantId = createTenant();
        String name = unique("Raced");

        ExtractableResponse<?> response = racingAnUncommittedInsert(
                "INSERT INTO role (id, tenant_id, name, access_level, created_at) VALUES (?1, ?2, ?3, 'user', now())",
                List.of(UUID.randomUUID(), UUID.fromString(tenantId), name),
                () -> given().contentType(ContentType.JSON).body(role(tenantId, name, "user", "{}"))
                        .when().post("/api/v2/roles.json")
                        .then().extract());

        assertEquals(400, response.statusCode());
        assertEquals("taken", response.path("details.fields[0].error"));
    }

    @Test
    void nameTakenInAnotherTenantIsAllowed() {
        String name = unique("Everywhere");
        createRole(createTenant(), name);

        given().contentType(ContentType.JSON).body(role(createTenant(), name, "user", "{}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(201);
    }

    @Test
    void unknownPermissionResourceIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body(role(createTenant(), unique("Wide"), "system", "{\"spaceships\": [\"view\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("permissions.spaceships"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void unknownPermissionOperationIsRejectedByResource() {
        given().contentType(ContentType.JSON)
                .body(role(createTenant(), unique("Greedy"), "system", "{\"users\": [\"view\", \"impersonate\"]}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("permissions.users"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void permissionOperationsThatAreNotAListAreRejectedByResource() {
        given().contentType(ContentType.JSON)
                .body(role(createTenant(), unique("Flat"), "system", "{\"users\": \"view\"}"))
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("permissions.users"));
    }

    @Test
    void unknownPropertyIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Extra")
                        + "\", \"access_level\": \"user\", \"colour\": \"blue\"}}")
                .when().post("/api/v2/roles.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("colour"))
                .body("details.fields[0].error", equalTo("unknown"));
    }

    @Test
    void createIsPublishedToKafkaWithTheRole() throws Exception {
        String tenantId = createTenant();
        String id = createRole(tenantId, unique("Published"));

        JsonNode event = awaitEvent(DirectoryEvents.ROLE_CREATED, id);
        assertEquals(tenantId, event.get("tenantid").asText());
        assertEquals(id, event.at("/data/role/role_id").asText());
        assertEquals("user", event.at("/data/role/access_level").asText());
        assertEquals(true, event.at("/data/role/permissions").isObject());
    }

    @Test
    void updateIsPublishedToKafkaWithTheRoleAfterTheUpdate() throws Exception {
        String id = createRole(createTenant(), unique("Changing"));
        given().contentType(ContentType.JSON).body("{\"role\": {\"access_level\": \"system\"}}")
                .when().put("/api/v2/roles/" + id + ".json")
                .then().statusCode(200);

        JsonNode event = awaitEvent(DirectoryEvents.ROLE_UPDATED, id);
        assertEquals("system", event.at("/data/role/access_level").asText());
    }

    private JsonNode awaitEvent(String type, String roleId) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(roleId) && value.contains("\"" + type + "\""), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(roleId, record.key());
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(type, event.get("type").asText());
        return event;
    }

    private static String role(String tenantId, String name, String accessLevel, String permissions) {
        return "{\"role\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name + "\", \"access_level\": \""
                + accessLevel + "\", \"permissions\": " + permissions + "}}";
    }

    private static String idOf(String location) {
        return location.substring("/api/v2/roles/".length(), location.length() - ".json".length());
    }
}
