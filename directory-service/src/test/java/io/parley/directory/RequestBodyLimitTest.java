package io.parley.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A request body over the service's limit (256 KiB) is refused in the API's error shape naming the limit, whether it
 * declares its length or comes in chunks: a client of 6,000 contacts is a 1.8 MB request.
 */
@QuarkusTest
class RequestBodyLimitTest {

    private static final String DESCRIPTION = "The request body must be at most 262144 bytes";

    @Test
    void bodyDeclaredLongerThanTheLimitIsRefusedBeforeItIsRead() {
        given().contentType(ContentType.JSON).body(clientOfSixThousandContacts())
                .when().post("/api/v2/clients.json")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .body("error", equalTo("PayloadTooLarge"))
                .body("description", equalTo(DESCRIPTION));
    }

    @Test
    void chunkedBodyRunningOverTheLimitIsRefused() {
        // a stream of unknown length goes out chunked
        given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(clientOfSixThousandContacts().getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v2/clients.json")
                .then().statusCode(413)
                .body("error", equalTo("PayloadTooLarge"))
                .body("description", equalTo(DESCRIPTION));
    }

    private static String clientOfSixThousandContacts() {
        return "{\"client\": {\"tenant_id\": \"" + UUID.randomUUID() + "\", \"name\": \"Crowd\", \"contacts\": ["
                + IntStream.range(0, 6_000).mapToObj(i -> "{\"phone_number\": \"+1408580" + i + "\", \"name\": \""
                        + "Contact number " + i + " of the crowd, with a name of some length, "
                        + "x".repeat(200) + "\"}").collect(Collectors.joining(", "))
                + "]}}";
    }
}
