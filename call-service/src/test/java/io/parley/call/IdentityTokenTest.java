package io.parley.call;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The call endpoints are not built yet (docs/permissions.md), but their paths are already closed: without the
 * gateway's identity token nothing past the security layer answers, health stays open.
 */
@QuarkusTest
class IdentityTokenTest {

    private static final CallerIdentity AGENT = new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), "agent", "user", List.of(), Set.of("calls_own:view"), "UTC");

    @Test
    void callPathsWithoutATokenAreUnauthorized() {
        given().when().get("/api/v2/calls.json").then().statusCode(401);
        given().when().get("/api/v2/calls/" + UUID.randomUUID() + ".json/file").then().statusCode(401);
    }

    @Test
    void forgedTokenIsUnauthorized() {
        given().auth().oauth2(IdentityTokens.forCaller(AGENT).signedWith(IdentityTokens.untrustedKey()).sign())
                .when().get("/api/v2/calls.json").then().statusCode(401);
    }

    @Test
    void validTokenPassesTheSecurityLayer() {
        // 404: nothing serves calls yet; the point is that the token was accepted
        given().auth().oauth2(IdentityTokens.of(AGENT)).when().get("/api/v2/calls.json").then().statusCode(404);
    }

    @Test
    void healthNeedsNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
