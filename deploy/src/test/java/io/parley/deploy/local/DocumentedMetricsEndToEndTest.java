package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.deploy.monitoring.MonitoringFiles;
import io.restassured.http.ContentType;

/**
 * Every metric docs/operations.md lists, which the alerts and the dashboard read, is served by the running services
 * once what it measures has happened, and carries the {@code service} label: a metric renamed in the code fails here,
 * not in an operator's empty dashboard.
 */
@ExtendWith(SharedPlatform.class)
class DocumentedMetricsEndToEndTest {

    private static final List<String> SERVICES = List.of("gateway", "directory-service", "call-service",
            "crypto-service");

    @Test
    void everyDocumentedMetricIsServedWithItsServiceLabel() {
        LocalPlatform platform = SharedPlatform.platform();
        causeWhatTheMetricsMeasure(platform);
        Set<String> documented = new MonitoringFiles(
                Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize())
                .documentedMetrics();
        assertTrue(documented.size() >= 10, "the list was read: " + documented);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(documented);
            for (String service : SERVICES) {
                ScrapedMetrics metrics = ScrapedMetrics.of(metricsUrl(platform, service));
                for (String metric : documented) {
                    List<Map<String, String>> samples = metrics.labelsOf(metric);
                    if (!samples.isEmpty()) {
                        missing.remove(metric);
                        samples.forEach(labels -> assertEquals(service, labels.get("service"), metric));
                    }
                }
            }
            assertEquals(Set.of(), missing);
        });
    }

    /** A sign-in, a wrong password, a search of each kind, a recorder's event and a bad one, an upload played back. */
    private static void causeWhatTheMetricsMeasure(LocalPlatform platform) {
        for (int i = 0; i < 2; i++) {
            given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                    .when().get(platform.apiUrl() + "/users.json?search_term=root").then().statusCode(200);
        }
        given().auth().preemptive().basic(SharedPlatform.ROOT, "not-the-password")
                .when().get(platform.apiUrl() + "/tenants.json").then().statusCode(401);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().get(platform.apiUrl() + "/calls.json?search_term=555").then().statusCode(200);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().get(platform.apiUrl() + "/calls.json?advanced_search=1&phone_number__starts_with=555")
                .then().statusCode(200);

        UUID call = UUID.randomUUID();
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType(ContentType.JSON)
                .body("""
                        {"event_id": "%s", "type": "call.started", "occurred_at": "2026-06-01T10:00:00Z",
                         "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "5551234"}}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), call))
                .when().post(platform.serviceUrl("gateway") + "/recorder/v1/events").then().statusCode(202);
        KafkaTopics.send(platform.kafkaBootstrapServers(), "recording.events", call.toString(), "not an event");
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD).contentType("audio/mpeg")
                .body(new byte[1_000]).when().put(platform.serviceUrl("gateway") + "/recorder/v1/calls/" + call
                        + "/files/1")
                .then().statusCode(201);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().get(platform.apiUrl() + "/calls/" + call + ".json/file").then().statusCode(200);
    }

    private static URL metricsUrl(LocalPlatform platform, String service) throws Exception {
        return URI.create(platform.managementUrl(service) + "/q/metrics").toURL();
    }
}
