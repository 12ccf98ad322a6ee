package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * The public API's OpenAPI document: served by the gateway on its API port to anyone, with Swagger UI beside it, made
 * of every service's part (taken in when the gateway is built, so no service needs to run), and clean by Redocly's
 * rules.
 */
@QuarkusTest
@TestProfile(GatewayWithoutServicesTest.NoServices.class)
class PublicOpenApiTest {

    @Test
    void documentIsServedAsYamlWithoutCredentials() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("\nopenapi: 3.1"));
    }

    @Test
    void documentIsServedAsJsonOnRequest() {
        given().queryParam("format", "json").when().get("/openapi")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("info.title", equalTo("Parley REST API"))
                .body("components.securitySchemes.basic.scheme", equalTo("basic"))
                .body("security[0]", hasKey("basic"));
    }

    @Test
    void documentHoldsEveryServicesPublicPathsAndNoInternalOne() {
        Map<String, Object> paths = given().queryParam("format", "json").when().get("/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v2/users.json"))
                .body("paths", hasKey("/api/v2/tenant/{tenantId}.json"))
                .body("paths", hasKey("/api/v2/calls.json"))
                .body("paths", hasKey("/calls/file/{callId}/signed"))
                .body("paths", hasKey("/recorder/v1/events"))
                .body("paths", hasKey("/api/v2/encrypt_keys/{keyId}/authorized_users.json"))
                .extract().path("paths");
        paths.keySet().forEach(path -> assertThat(path, not(startsWith("/internal"))));
    }

    @Test
    void swaggerUiIsServedBesideTheDocument() {
        given().when().get("/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger-ui"));
    }

    /**
     * The document is the public API's contract: a change to it (a field renamed, an operation removed) is one for
     * every client, so it must be a deliberate one. The served document equals {@code contract/openapi.json}; after a
     * change that is meant, copy {@code gateway/target/openapi-served.json} there, and say in the commit what changed
     * for clients.
     */
    @Test
    void documentIsTheReviewedContract() throws Exception {
        String served = given().queryParam("format", "json").when().get("/openapi").then().statusCode(200).extract()
                .asString();
        Path reviewed = Path.of("..", "contract", "openapi.json");
        if (!new JsonObject(Files.readString(reviewed)).equals(new JsonObject(served))) {
            Path copy = Path.of("target", "openapi-served.json");
            Files.writeString(copy, new JsonObject(served).encodePrettily());
            fail("The public API's OpenAPI document changed: compare " + copy.toAbsolutePath() + " with "
                    + reviewed.toAbsolutePath() + ", and copy it there if the change is meant (docs/openapi.md)");
        }
    }

    @Test
    void documentPassesRedoclyLint() throws Exception {
        ContractTools.redoclyLint(given().when().get("/openapi").then().statusCode(200).extract().asString());
    }
}
