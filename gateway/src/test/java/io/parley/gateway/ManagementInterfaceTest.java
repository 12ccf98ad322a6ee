package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Health and metrics answer on the management port only, never on the public one; the OpenAPI document, which is for
 * the public, is on the public port (PublicOpenApiTest), and not under /q.
 */
@QuarkusTest
@TestProfile(GatewayWithoutServicesTest.NoServices.class)
class ManagementInterfaceTest {

    private static final String[] MANAGEMENT_PATHS = { "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics",
            "/q/openapi", "/q/info", "/q/dev-ui" };

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void managementPathsAreNotFoundOnThePublicPort() {
        for (String path : MANAGEMENT_PATHS) {
            given().when().get(path).then().statusCode(404);
            given().auth().preemptive().basic("root", "whatever").when().get(path).then().statusCode(404);
        }
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(metrics).then().statusCode(200).body(containsString("# TYPE jvm_"));
    }
}
