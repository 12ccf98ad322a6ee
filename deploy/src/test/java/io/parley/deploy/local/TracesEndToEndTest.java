package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.deploy.local.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;

/**
 * Traces on (docs/configuration.md, "Traces"): a platform of its own, its one setting pointing at a receiver in the
 * test, shows one trace from a request at the gateway through the service and its database, and on from the event
 * the service recorded, through Kafka, to another service that applies it.
 */
class TracesEndToEndTest {

    private static OtlpReceiver receiver;
    private static SharedPlatform.Running running;

    @BeforeAll
    static void platformSendingTraces() throws IOException {
        receiver = new OtlpReceiver();
        running = SharedPlatform.Running.start(Map.of("PARLEY_TRACES_ENDPOINT", receiver.endpoint()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (running != null) {
            running.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aRequestsTraceCrossesTheGatewayTheServiceItsDatabaseAndKafkaToTheConsumerOfItsEvent() {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"Traced " + UUID.randomUUID() + "\"}}")
                .when().post(running.platform().apiUrl() + "/tenants.json")
                .then().statusCode(201);

        // the platform serves this one request on tenants: its span in directory-service names the trace
        String traceId = await().atMost(Duration.ofMinutes(1)).until(() -> receiver.spans().stream()
                .filter(span -> span.service().equals("directory-service") && span.name().startsWith("POST")
                        && span.name().contains("tenants"))
                .map(ReceivedSpan::traceId).findFirst(), Optional::isPresent).orElseThrow();
        Map<String, Predicate<ReceivedSpan>> expected = Map.of(
                "the gateway's span", span -> span.service().equals("gateway"),
                "a statement on directory-service's database", span -> span.service().equals("directory-service")
                        && span.scope().contains("jdbc"),
                "call-service applying the tenant's event", span -> span.service().equals("call-service")
                        && span.name().equals("directory.events process"));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.trace(traceId);
            List<String> missing = expected.entrySet().stream()
                    .filter(wanted -> trace.stream().noneMatch(wanted.getValue())).map(Map.Entry::getKey).toList();
            assertTrue(missing.isEmpty(), "The trace lacks " + missing + "; it has " + trace);
        });
        // meanwhile the outbox relays polled their tables every few seconds, in no trace: none of it was sent
        assertTrue(receiver.spans().stream().noneMatch(span -> span.scope().contains("jdbc")
                && span.parentSpanId().isEmpty()), "A statement was sent as a trace of its own");
    }

    @Test
    void aCallersTraceIsContinuedAndTheServiceIsAChildOfTheGateway() {
        String traceId = "4bf92f3577b34da6" + Long.toHexString(System.nanoTime() | Long.MIN_VALUE);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get(running.platform().apiUrl() + "/tenants.json")
                .then().statusCode(200);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.trace(traceId);
            ReceivedSpan request = trace.stream().filter(span -> span.service().equals("directory-service")
                    && span.name().startsWith("GET")).findFirst().orElseThrow(() -> new AssertionError(
                            "No span of directory-service's request in " + trace));
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("gateway")
                    && span.spanId().equals(request.parentSpanId())),
                    "directory-service's request is not a child of a gateway span: " + trace);
        });
    }

    @Test
    void aBatchOfRecorderEventsIsAppliedInOneSpanLinkedToTheRequestThatPostedAnEvent() {
        String traceId = "5af92f3577b34da6" + Long.toHexString(System.nanoTime() | Long.MIN_VALUE);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body("""
                        {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                         "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "+15550199",
                         "to_number": "+15550100"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))
                .when().post(running.platform().serviceUrl("gateway") + "/recorder/v1/events")
                .then().statusCode(202);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertTrue(receiver.spans().stream()
                .anyMatch(span -> span.service().equals("call-service") && span.name().equals("recording.events process")
                        && span.linkedTraceIds().contains(traceId)),
                "No batch of call-service's ingest is linked to the trace " + traceId));
    }

    @Test
    void aSignedUrlsSignatureStaysOutOfTheSpansOfItsRequest() {
        String call = UUID.randomUUID().toString();
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(new byte[1_000]).when()
                .put(running.platform().serviceUrl("gateway") + "/recorder/v1/calls/" + call + "/files/1")
                .then().statusCode(201);
        String url = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("expires", 600)
                .when().get(running.platform().apiUrl() + "/calls/" + call + ".json/file_url.json")
                .then().statusCode(200).extract().path("signed_url");
        String signature = url.substring(url.indexOf("sign=") + "sign=".length());
        given().when().get(url).then().statusCode(200);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertTrue(receiver.spans().stream()
                .anyMatch(span -> span.service().equals("gateway")
                        && span.attributes().getOrDefault("url.query", "").contains("sign=")),
                "No gateway span of the signed request"));
        assertTrue(receiver.spans().stream().flatMap(span -> span.attributes().values().stream())
                .noneMatch(value -> value.contains(signature)), "A span holds the URL's signature");
    }
}
