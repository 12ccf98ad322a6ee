package io.parley.directory;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Small builders of directory data for tests: every name unique, every object made through the API it tests. */
public final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    /** The name with a random suffix, so that tests never meet each other's data. */
    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String createTenant() {
        return idOf(post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + unique("Tenant") + "\"}}"),
                "/api/v2/tenants/");
    }

    public static String createGroup(String tenantId, String name) {
        return idOf(post("/api/v2/groups.json",
                "{\"group\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name + "\"}}"),
                "/api/v2/groups/");
    }

    public static String createRole(String tenantId, String name) {
        return idOf(post("/api/v2/roles.json", "{\"role\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name
                + "\", \"access_level\": \"user\"}}"), "/api/v2/roles/");
    }

    /**
     * Inserts a user holding the role and, when {@code groupId} is not null, belonging to the group: straight into
     * the table, as no users API serves them yet.
     */
    public static void insertUser(String tenantId, String roleId, String groupId) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("INSERT INTO app_user (id, tenant_id, role_id, group_id, name, created_at)"
                        + " VALUES (?1, ?2, ?3, CAST(?4 AS uuid), ?5, now())")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, UUID.fromString(tenantId))
                .setParameter(3, UUID.fromString(roleId))
                .setParameter(4, groupId)
                .setParameter(5, unique("User"))
                .executeUpdate());
    }

    private static String post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().header("Location");
    }

    private static String idOf(String location, String prefix) {
        return location.substring(prefix.length(), location.length() - ".json".length());
    }
}
