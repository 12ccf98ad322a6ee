package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.ScrapedMetrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The gateway's own answers, with every service it routes to down. */
@QuarkusTest
@TestProfile(GatewayWithoutServicesTest.NoServices.class)
class GatewayWithoutServicesTest {

    /** Points the gateway at a closed port. */
    public static class NoServices implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            String closed = "http://127.0.0.1:" + io.parley.gateway.ClosedPort.PORT;
            return java.util.Map.of("parley.gateway.directory-url", closed, "parley.gateway.call-url", closed,
                    "parley.gateway.crypto-url", closed);
        }
    }

    @Test
    void missingCredentialsGetA401ChallengeInPlainText() {
        given().when().get("/api/v2/tenants.json")
                .then().statusCode(401)
                .contentType(startsWith("text/plain"))
                .header("WWW-Authenticate", startsWith("Basic realm=\"Parley\""));
    }

    @Test
    void malformedAuthorizationHeadersGetA401() {
        for (String header : new String[] { "", "Basic", "Basic ", "Basic %%%", "Basic bm8tY29sb24=", "Basic OnNlY3JldA==",
                "Bearer abc", "Digest x=y", "basicYWxpY2U6c2VjcmV0" }) {
            given().header("Authorization", header)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401)
                    .contentType(startsWith("text/plain"))
                    .header("WWW-Authenticate", containsString("Basic"));
        }
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void unreachableDirectoryGetsA503JsonErrorNotAHang() {
        given().auth().preemptive().basic("root", "whatever")
                .when().get("/api/v2/tenants.json")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo("ServiceUnavailable"));
    }

    @Test
    void aCredentialCheckTheDirectoryCannotAnswerIsCountedAsUnavailable() {
        Map<String, String> unavailable = Map.of("outcome", "unavailable", "service", "gateway");
        double before = ScrapedMetrics.of(metrics).value("parley_authentication_total", unavailable);

        given().auth().preemptive().basic("root", "whatever").when().get("/api/v2/tenants.json").then().statusCode(503);

        assertEquals(1, ScrapedMetrics.of(metrics).value("parley_authentication_total", unavailable) - before);
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        given().header("X-Request-Id", "trace-me-123")
                .when().get("/api/v2/tenants.json")
                .then().header("X-Request-Id", equalTo("trace-me-123"));
        given().when().get("/api/v2/tenants.json")
                .then().header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }
}
