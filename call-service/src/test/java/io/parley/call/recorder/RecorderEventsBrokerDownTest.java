package io.parley.call.recorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A broker that cannot be reached: the recorder gets a 503 once the producer gives up, never a hang. */
@QuarkusTest
@TestProfile(RecorderEventsBrokerDownTest.UnreachableBroker.class)
class RecorderEventsBrokerDownTest {

    public static class UnreachableBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.recorder-events-http.bootstrap.servers", "localhost:1",
                    "mp.messaging.outgoing.recorder-events-http.max.block.ms", "1000");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang fails here; the producer gives up after max.block.ms
    void eventThatCannotBePublishedIsAServiceUnavailableError() {
        given().auth().oauth2(RecorderEventsResourceTest.recorder()).contentType(ContentType.JSON)
                .body(RecorderEventsResourceTest.callEvent("call.started", UUID.randomUUID(), ""))
                .when().post("/recorder/v1/events")
                .then().statusCode(503)
                .body("error", equalTo("ServiceUnavailable"));
    }
}
