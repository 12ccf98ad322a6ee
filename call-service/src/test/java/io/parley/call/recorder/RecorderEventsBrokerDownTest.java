package io.parley.call.recorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A broker that cannot be reached: the recorder gets a 503 within the producer's bounds, never a hang. */
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
    void eventThatCannotBePublishedIsAServiceUnavailableError() {
        given().auth().oauth2(RecorderEventsResourceTest.recorder()).contentType(ContentType.JSON)
                .body(RecorderEventsResourceTest.callEvent("call.started", UUID.randomUUID(), ""))
                .when().post("/recorder/v1/events")
                .then().statusCode(503)
                .body("error", equalTo("ServiceUnavailable"))
                .time(lessThan(20_000L));
    }
}
