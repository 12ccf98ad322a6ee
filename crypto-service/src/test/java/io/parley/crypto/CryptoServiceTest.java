package io.parley.crypto;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.directory.KnownTenant;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CryptoServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @Test
    void startsMigratedAndReportsHealthy() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void recordsTheTenantsTheDirectoryAnnounces() {
        UUID tenant = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), """
                {"event_id": "%s", "type": "tenant.created", "version": 1, "occurred_at": "2026-01-01T10:00:00Z",
                 "tenant_id": "%s", "data": {"tenant": {"tenant_id": "%s", "name": "Crypto Co"}}}
                """.formatted(UUID.randomUUID(), tenant, tenant));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownTenant.findByIdOptional(tenant).isPresent()));
    }

    @Test
    void aDirectoryRecordThatIsNotAnEventIsCountedAsADeadLetterOfTheContract() {
        Map<String, String> contract = Map.of("topic", "directory.events.dlq.crypto-service", "reason", "contract",
                "service", "crypto-service");
        double before = ScrapedMetrics.of(metrics).value("parley_dead_letters_total", contract);

        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, UUID.randomUUID().toString(), "not an event");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ScrapedMetrics.of(metrics).value("parley_dead_letters_total", contract) > before);
    }

    @Test
    void theOutboxGaugesAreShown() {
        ScrapedMetrics scraped = ScrapedMetrics.of(metrics);
        assertTrue(scraped.sum("parley_outbox_parked", Map.of("service", "crypto-service")).isPresent());
        assertTrue(scraped.sum("parley_outbox_oldest_pending_age_seconds", Map.of("service", "crypto-service"))
                .isPresent());
    }

    @Test
    void servesMetricsAndOpenApiOnTheManagementPort() {
        given().when().get(metrics).then().statusCode(200);
        given().when().get(openApi).then().statusCode(200);
    }
}
