package io.parley.crypto;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The encryption-key paths are closed: without the gateway's identity token nothing past the security layer answers,
 * health stays open on the management port, and is not on the API port.
 */
@QuarkusTest
class IdentityTokenTest {

    private static final CallerIdentity AGENT = new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), "agent", "user", List.of(), Set.of("encrypt_keys:view"), "UTC");

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Test
    void keyPathsWithoutATokenAreUnauthorized() {
        given().when().get("/api/v2/encrypt_keys.json").then().statusCode(401);
        given().when().get("/api/v2/encrypt_keys/" + UUID.randomUUID() + ".json").then().statusCode(401);
    }

    @Test
    void forgedTokenIsUnauthorized() {
        given().auth().oauth2(IdentityTokens.forCaller(AGENT).signedWith(IdentityTokens.untrustedKey()).sign())
                .when().get("/api/v2/encrypt_keys.json").then().statusCode(401);
    }

    @Test
    void validTokenPassesTheSecurityLayer() {
        given().auth().oauth2(IdentityTokens.of(AGENT)).when().get("/api/v2/encrypt_keys.json").then().statusCode(200);
    }

    @Test
    void healthNeedsNoTokenOnTheManagementPort() {
        given().when().get(ready).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreNotOnTheApiPort() {
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            given().auth().oauth2(IdentityTokens.of(AGENT)).when().get(path).then().statusCode(404);
        }
    }
}
