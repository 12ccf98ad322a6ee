package io.parley.directory;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.awaitility.Awaitility;

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
        return createTenant("");
    }

    /** A tenant with the given extra JSON members inside {@code "tenant": {...}}, e.g. its fieldsets. */
    public static String createTenant(String settings) {
        return idOf(post("/api/v2/tenants.json",
                "{\"tenant\": {\"name\": \"" + unique("Tenant") + "\"" + settings + "}}"), "/api/v2/tenants/");
    }

    /** A user through the API, with the given extra JSON members inside {@code "user": {...}}. */
    public static String createUser(String groupId, String roleId, String name, String extra) {
        return idOf(post("/api/v2/users.json", "{\"user\": {\"name\": \"" + name + "\", \"group_id\": \""
                + groupId + "\", \"role_id\": \"" + roleId + "\"" + extra + "}}"), "/api/v2/users/");
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
     * the table, bypassing the users API's own rules.
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

    /**
     * What a request sees when it races another writer: this thread inserts a row and keeps it uncommitted, the
     * request runs on another thread until the database makes it wait for that row, then the insert commits.
     *
     * @return the request's outcome
     */
    public static <T> T racingAnUncommittedInsert(String insertSql, List<Object> parameters, Supplier<T> request)
            throws Exception {
        QuarkusTransaction.begin();
        try {
            EntityManager entityManager = Panache.getEntityManager();
            Query insert = entityManager.createNativeQuery(insertSql);
            for (int i = 0; i < parameters.size(); i++) {
                insert.setParameter(i + 1, parameters.get(i));
            }
            insert.executeUpdate();
            CompletableFuture<T> outcome = CompletableFuture.supplyAsync(request);
            Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30))
                    .until(() -> outcome.isDone() || waitsForALock(entityManager));
            QuarkusTransaction.commit();
            return outcome.get(30, TimeUnit.SECONDS);
        } finally {
            if (QuarkusTransaction.isActive()) {
                QuarkusTransaction.rollback();
            }
        }
    }

    private static boolean waitsForALock(EntityManager entityManager) {
        Number waiting = (Number) entityManager.createNativeQuery("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()").getSingleResult();
        return waiting.longValue() > 0;
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
