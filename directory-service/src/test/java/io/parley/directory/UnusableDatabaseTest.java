package io.parley.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.DatabaseSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * While the database cannot take the request (a failover to a standby that is still read-only, sessions ended by a
 * restart), the API answers {@code 503} with {@code Retry-After} in its error shape rather than a {@code 500}, stores
 * nothing, and serves the same request once the database is back.
 */
@QuarkusTest
class UnusableDatabaseTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aWriteToAReadOnlyStandbyIsAskedAgainLaterAndGoesThroughOnceTheDatabaseTakesWrites() throws Exception {
        String name = "Failover " + UUID.randomUUID();
        String body = "{\"tenant\": {\"name\": \"" + name + "\"}}";
        try (DatabaseSessions sessions = DatabaseSessions.open(url, user, password)) {
            sessions.readOnly(true);
            try {
                sessions.terminateOthers(); // the service's pool reconnects to what is now a read-only database
                given().contentType(ContentType.JSON).body(body)
                        .when().post("/api/v2/tenants.json")
                        .then().statusCode(503)
                        .header("Retry-After", "5")
                        .body("error", equalTo("ServiceUnavailable"))
                        .body("description", equalTo("The service is temporarily unavailable, please retry"));
            } finally {
                sessions.readOnly(false);
                sessions.terminateOthers();
            }
        }
        // a client that retries as told: each of the pool's ended sessions may answer 503 once more
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("search_term", name)
                .when().get("/api/v2/tenants.json").statusCode() == 200);
        given().queryParam("search_term", name)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200).body("tenants", empty()); // the refused write stored nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/tenants.json").statusCode() == 201);
    }
}
