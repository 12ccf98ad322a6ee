package io.parley.directory;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Names of tenants, groups, roles and clients are unique under Unicode case folding and NFKC normalization: a name
 * that only looks like one taken ("ſystem" beside "System", full-width letters, "ß" for "ss", invisible characters) is
 * refused exactly as the same name is, on create and on rename.
 */
@QuarkusTest
class LookAlikeNamesTest {

    private static final String CONTACTS = ", \"contacts\": [{\"phone_number\": \"+15550100\"}]";
    private static final String USER_LEVEL = ", \"access_level\": \"user\"";

    @Test
    void tenantsNamedLikeTheSystemTenantAreRefusedAsTaken() {
        String taken = post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"System\"}}").then().statusCode(400)
                .body("details.fields[0].error", equalTo("taken")).extract().asString();

        for (String lookAlike : List.of("\\u017fystem", "\\uff33\\uff39\\uff33\\uff34\\uff25\\uff2d", "Sys\\u00adtem",
                "SYSTEM\\u200b")) {
            assertEquals(taken, post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + lookAlike + "\"}}")
                    .then().statusCode(400).extract().asString(), lookAlike);
        }
    }

    @Test
    void aTenantsLookAlikeIsRefusedAsTheSameNameIs() {
        String name = unique(LookAlikes.NAME);
        post("/api/v2/tenants.json", tenant(name)).then().statusCode(201);

        assertEachLookAlikeRefusedLikeTheName(name, lookAlike -> post("/api/v2/tenants.json", tenant(lookAlike)));
    }

    @Test
    void aGroupsLookAlikeIsRefusedInItsTenantAsTheSameNameIs() {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        post("/api/v2/groups.json", named("group", tenant, name, "")).then().statusCode(201);

        assertEachLookAlikeRefusedLikeTheName(name,
                lookAlike -> post("/api/v2/groups.json", named("group", tenant, lookAlike, "")));
        post("/api/v2/groups.json", named("group", createTenant(), LookAlikes.of(name, 1), "")).then()
                .statusCode(201);
    }

    @Test
    void aRolesLookAlikeIsRefusedInItsTenantAsTheSameNameIs() {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        post("/api/v2/roles.json", named("role", tenant, name, USER_LEVEL)).then().statusCode(201);

        assertEachLookAlikeRefusedLikeTheName(name,
                lookAlike -> post("/api/v2/roles.json", named("role", tenant, lookAlike, USER_LEVEL)));
    }

    @Test
    void aClientsLookAlikeIsRefusedInItsTenantAsTheSameNameIs() {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        post("/api/v2/clients.json", named("client", tenant, name, CONTACTS)).then().statusCode(201);

        assertEachLookAlikeRefusedLikeTheName(name,
                lookAlike -> post("/api/v2/clients.json", named("client", tenant, lookAlike, CONTACTS)));
    }

    @Test
    void renamingToALookAlikeOfAnotherGroupIsRefusedAndToALookAlikeOfItsOwnNameIsNot() {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        createGroup(tenant, name);
        String other = createGroup(tenant, unique("Other"));

        String refused = put("/api/v2/groups/" + other + ".json", "{\"group\": {\"name\": \"" + LookAlikes.of(name, 2)
                + "\"}}").then().statusCode(400).extract().asString();
        String ownName = unique(LookAlikes.NAME);
        put("/api/v2/groups/" + other + ".json", "{\"group\": {\"name\": \"" + ownName + "\"}}").then().statusCode(200);
        put("/api/v2/groups/" + other + ".json", "{\"group\": {\"name\": \"" + LookAlikes.of(ownName, 1) + "\"}}")
                .then().statusCode(200);

        assertEquals(post("/api/v2/groups.json", named("group", tenant, name, "")).then().statusCode(400).extract()
                .asString(), refused);
    }

    /**
     * A look-alike kept from before names were compared so (it has no name key) can still be changed, and keeps its
     * name when sent again; it cannot be renamed to another look-alike of the name it shares.
     */
    @Test
    void aLookAlikeKeptFromBeforeCanBeChangedButNotRenamedToAnotherLookAlike() {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        createGroup(tenant, name);
        UUID kept = UUID.randomUUID();
        String keptName = name.toUpperCase(Locale.ROOT).replace("SS", "\u1E9E");
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "INSERT INTO user_group (id, tenant_id, name, created_at) VALUES (?1, ?2, ?3, now())")
                .setParameter(1, kept).setParameter(2, UUID.fromString(tenant)).setParameter(3, keptName)
                .executeUpdate());

        put("/api/v2/groups/" + kept + ".json", "{\"group\": {\"name\": \"" + LookAlikes.of(keptName, 0)
                + "\", \"timezone\": \"Europe/Berlin\"}}").then().statusCode(200)
                .body("group.timezone", equalTo("Europe/Berlin"));
        put("/api/v2/groups/" + kept + ".json", "{\"group\": {\"name\": \"" + LookAlikes.of(name, 1) + "\"}}")
                .then().statusCode(400).body("details.fields[0].error", equalTo("taken"));
    }

    private static void assertEachLookAlikeRefusedLikeTheName(String name,
            Function<String, Response> create) {
        String taken = create.apply(name).then().statusCode(400).body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken")).extract().asString();
        for (String lookAlike : LookAlikes.of(name)) {
            assertEquals(taken, create.apply(lookAlike).then().extract().asString(), lookAlike);
        }
    }

    private static String tenant(String name) {
        return "{\"tenant\": {\"name\": \"" + name + "\"}}";
    }

    private static String named(String kind, String tenant, String name, String extra) {
        return "{\"" + kind + "\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"" + name + "\"" + extra + "}}";
    }

    private static Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    private static Response put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().put(path);
    }
}
