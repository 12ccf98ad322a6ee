package io.parley.directory.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.IdentityTokens;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a new installation starts with (the test profile sets the root password). */
@QuarkusTest
class RootBootstrapTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "parley.bootstrap.root-password")
    String rootPassword;

    @Test
    void systemTenantHoldsOneRootRoleAndTheConfiguredRootUser() {
        String system = given().queryParam("search_term", "System").when().get("/api/v2/tenants.json")
                .then().extract().path("tenants.find { it.name == 'System' }.tenant_id");

        given().queryParam("tenant_id", system).when().get("/api/v2/roles.json")
                .then().statusCode(200)
                // other tests may add roles and users to the System tenant; the bootstrap made one of each
                .body("roles.findAll { it.access_level == 'root' }.name", contains("Root"));
        given().queryParam("tenant_id", system).queryParam("login", "root").when().get("/api/v2/users.json")
                .then().statusCode(200)
                .body("users.fieldset_login.login", contains("root"))
                .body("users[0].fieldset_login.can_login", equalTo(true));
        given().auth().oauth2(IdentityTokens.gateway()).contentType(ContentType.JSON)
                .body("{\"login\": \"root\", \"password\": \"" + rootPassword + "\"}")
                .when().post("/internal/v1/authenticate")
                .then().statusCode(200)
                .body("access_level", equalTo("root"))
                .body("tenant_id", equalTo(system));
    }

    @Test
    void bootstrapIsPublishedLikeAnyOtherChange() {
        for (String type : new String[] { DirectoryEvents.TENANT_CREATED, DirectoryEvents.ROLE_CREATED,
                DirectoryEvents.USER_CREATED }) {
            assertTrue(KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                    value -> value.contains("\"" + type + "\"") && value.contains("\"Root\"")
                            || value.contains("\"" + type + "\"") && value.contains("\"System\""),
                    Duration.ofSeconds(30)).isPresent(), type);
        }
    }
}
