package io.parley.call;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.parley.common.security.VerifiedTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;

/**
 * The call endpoints are closed without the gateway's identity token: nothing past the security layer answers,
 * health stays open on the management port, and is not on the API port.
 */
@QuarkusTest
class IdentityTokenTest {

    @Inject
    JWTCallerPrincipalFactory principals;

    private static final CallerIdentity AGENT = new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), "agent", "user", List.of(), Set.of("calls_own:view"), "UTC");

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

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
        given().auth().oauth2(IdentityTokens.of(AGENT)).when().get("/api/v2/calls.json").then().statusCode(200);
    }

    @Test
    void aVerifiedTokenIsRememberedButAnAlteredCopyOfItIsNot() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(principals));
        String token = IdentityTokens.of(AGENT);
        given().auth().oauth2(token).when().get("/api/v2/calls.json").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v2/calls.json").then().statusCode(200);

        String[] parts = token.split("\\.");
        // a character in the middle of the signature: the last one may carry only padding bits
        int middle = parts[0].length() + parts[1].length() + 2 + parts[2].length() / 2;
        String altered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);
        given().auth().oauth2(altered).when().get("/api/v2/calls.json").then().statusCode(401);
        String otherClaims = parts[0] + "." + IdentityTokens.forCaller(AGENT).claim("access_level", "root").sign()
                .split("\\.")[1] + "." + parts[2];
        given().auth().oauth2(otherClaims).when().get("/api/v2/calls.json").then().statusCode(401);
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
