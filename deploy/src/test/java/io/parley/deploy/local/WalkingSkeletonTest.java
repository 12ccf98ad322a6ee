package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.restassured.http.ContentType;

/**
 * The whole path, as a user meets it: the real gateway, services, PostgreSQL and Kafka, started by the local
 * launcher from the packaged services.
 */
@ExtendWith(SharedPlatform.class)
class WalkingSkeletonTest {

    private static final String ROOT = SharedPlatform.ROOT;
    private static final String PASSWORD = SharedPlatform.PASSWORD;

    static LocalPlatform platform;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.platform();
    }

    @Test
    void rootCreatesListsAndViewsATenantThroughTheGateway() {
        String name = "Skeleton " + UUID.randomUUID();
        String id = createTenant(name);

        given().auth().preemptive().basic(ROOT, PASSWORD)
                .when().get(platform.apiUrl() + "/tenants/" + id + ".json")
                .then().statusCode(200)
                .body("tenant.tenant_id", equalTo(id))
                .body("tenant.name", equalTo(name));
        given().auth().preemptive().basic(ROOT, PASSWORD).queryParam("search_term", name)
                .when().get(platform.apiUrl() + "/tenants.json")
                .then().statusCode(200)
                .body("tenants.tenant_id", hasItem(id))
                .body("next_url", equalTo(null));
    }

    @Test
    void wrongOrMissingCredentialsGet401() {
        given().auth().preemptive().basic(ROOT, "wrong-password")
                .when().get(platform.apiUrl() + "/tenants.json")
                .then().statusCode(401)
                .contentType(startsWith("text/plain"))
                .header("WWW-Authenticate", startsWith("Basic realm="));
        given().auth().preemptive().basic("nobody", PASSWORD)
                .when().get(platform.apiUrl() + "/tenants.json")
                .then().statusCode(401);
        given().when().get(platform.apiUrl() + "/tenants.json")
                .then().statusCode(401);
    }

    @Test
    void createdTenantIsPublishedAndSeenByCallAndCryptoServices() {
        String id = createTenant("Seen " + UUID.randomUUID());

        assertEquals(id, KafkaTopics.await(platform.kafkaBootstrapServers(), DirectoryEvents.TOPIC,
                value -> value.contains(id), Duration.ofSeconds(30)).orElseThrow().key());
        await().atMost(Duration.ofSeconds(30)).until(() -> knownTenant("calls", id).isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> knownTenant("crypto", id).isPresent());
    }

    @Test
    void requestIdFollowsTheRequestIntoTheServiceLog() throws Exception {
        String requestId = "skeleton-" + UUID.randomUUID();
        given().auth().preemptive().basic(ROOT, PASSWORD).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"\"}}")
                .when().post(platform.apiUrl() + "/tenants.json")
                .then().statusCode(400)
                .header("X-Request-Id", requestId);
        given().auth().preemptive().basic(ROOT, PASSWORD).header("X-Request-Id", requestId)
                .when().get(platform.apiUrl() + "/tenants/" + UUID.randomUUID() + ".json")
                .then().statusCode(404);

        Path log = platform.serviceLog("directory-service");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains(requestId));
    }

    @Test
    void everyServiceReportsHealthy() {
        for (String service : new String[] { "gateway", "directory-service", "call-service", "crypto-service" }) {
            given().when().get(platform.managementUrl(service) + "/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    @Test
    void theBannerShowsWhereEachServiceMetricsAndTheApiDocumentAre() {
        String banner = platform.banner();
        String gateway = platform.serviceUrl("gateway");
        assertTrue(banner.contains(gateway + "/openapi") && banner.contains(gateway + "/swagger-ui"), banner);
        for (String service : new String[] { "gateway", "directory-service", "call-service", "crypto-service" }) {
            String metrics = platform.managementUrl(service) + "/q/metrics";
            assertTrue(banner.contains(metrics), banner);
            given().when().get(metrics).then().statusCode(200).body(containsString("# TYPE"));
        }
    }

    @Test
    void healthMetricsAndTheServicesOpenApiAreServedOnTheManagementPortsOnly() {
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            given().auth().preemptive().basic(ROOT, PASSWORD)
                    .when().get(platform.serviceUrl("gateway") + path)
                    .then().statusCode(404);
            for (String service : new String[] { "directory-service", "call-service", "crypto-service" }) {
                given().when().get(platform.serviceUrl(service) + path).then().statusCode(401); // the API port
                given().when().get(platform.managementUrl(service) + path).then().statusCode(200);
            }
        }
        for (String path : new String[] { "/q/health/ready", "/q/metrics" }) {
            given().when().get(platform.managementUrl("gateway") + path).then().statusCode(200);
        }
    }

    @Test
    void gatewayServesThePublicApisOpenApiDocumentAndSwaggerUiToAnyone() {
        given().when().get(platform.serviceUrl("gateway") + "/openapi")
                .then().statusCode(200)
                .body(containsString("\nopenapi: 3.1"));
        given().when().get(platform.serviceUrl("gateway") + "/swagger-ui/").then().statusCode(200);
    }

    private static String createTenant(String name) {
        String location = given().auth().preemptive().basic(ROOT, PASSWORD)
                .contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"" + name + "\"}}")
                .when().post(platform.apiUrl() + "/tenants.json")
                .then().statusCode(201)
                .extract().header("Location");
        return location.substring("/api/v2/tenants/".length(), location.length() - ".json".length());
    }

    private static Optional<String> knownTenant(String schema, String id) throws SQLException {
        LocalSettings.Database database = platform.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name FROM " + schema + ".known_tenant WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
