package io.parley.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Changes that lock rows can deadlock with other transactions (a tenant's deletion locks the tenant, then everything
 * it owns; a change of one of those may lock it, then the tenant). PostgreSQL then ends one of them: when that is an
 * API request, the caller gets {@code 503} with {@code Retry-After} in the API's error shape, not a {@code 500}, nothing
 * of the request is stored, and the same request sent again goes through.
 */
@QuarkusTest
class LostDeadlockTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aTenantDeletionChosenToGiveWayInADeadlockIsAskedAgainLater() throws Exception {
        String tenant = created("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"Deadlock " + UUID.randomUUID() + "\"}}");
        String client = created("/api/v2/clients.json",
                "{\"client\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"Holder\","
                        + " \"contacts\": [{\"phone_number\": \"555-0100\"}]}}");

        try (Connection other = DriverManager.getConnection(url, user, password);
                Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            // this session waits longer before it looks for a deadlock: the request's transaction is the one ended
            sql.execute("SET LOCAL deadlock_timeout = '1min'");
            sql.execute("SELECT 1 FROM directory.client WHERE id = '" + client + "' FOR UPDATE");
            CompletableFuture<Response> deletion = CompletableFuture.supplyAsync(
                    () -> given().when().delete("/api/v2/tenants/" + tenant + ".json"));
            // the deletion holds the tenant's row and waits for the client's, which this session holds
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(sql));
            sql.execute("SELECT 1 FROM directory.tenant WHERE id = '" + tenant + "' FOR UPDATE");

            deletion.get(30, TimeUnit.SECONDS).then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .body("error", equalTo("ServiceUnavailable"));
            other.rollback();
        }
        given().when().get("/api/v2/tenants/" + tenant + ".json").then().statusCode(200); // nothing was deleted
        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);
        given().when().get("/api/v2/clients/" + client + ".json").then().statusCode(404);
    }

    private static String created(String path, String body) {
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().log().ifValidationFails().statusCode(201)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1).replace(".json", "");
    }

    private static boolean waitingForALock(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}
