package io.parley.directory.tenant;

import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Tenant events say which tenant is the System tenant ({@code data.system_tenant}), the one fact replicas know it by;
 * a tenant marked to be announced again is published once more, at its next revision.
 */
@QuarkusTest
class SystemTenantEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TenantService tenants;

    @Test
    void theSystemTenantsEventsSayItIsTheSystemTenant() throws Exception {
        String system = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> find("system", true)
                .firstResult().id.toString());
        String timezone = "Europe/Vienna";
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"timezone\": \"" + timezone + "\"}}")
                .when().put("/api/v2/tenants/" + system + ".json").then().statusCode(200);

        JsonNode update = await().atMost(Duration.ofSeconds(30)).until(() -> events(system).stream()
                .filter(event -> timezone.equals(event.at("/data/tenant/timezone").asText())).findFirst(),
                found -> found.isPresent()).orElseThrow();

        given().contentType(ContentType.JSON).body("{\"tenant\": {\"timezone\": \"\"}}")
                .when().put("/api/v2/tenants/" + system + ".json").then().statusCode(200);

        assertEquals(true, update.at("/data/" + DirectoryEvents.SYSTEM_TENANT).booleanValue());
        for (JsonNode event : events(system)) {
            assertEquals(true, event.at("/data/" + DirectoryEvents.SYSTEM_TENANT).booleanValue(), event.toString());
        }
    }

    @Test
    void anyOtherTenantsEventsSayItIsNot() throws Exception {
        String tenant = createTenant();
        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> events(tenant),
                found -> found.size() == 2);

        for (JsonNode event : events) {
            assertEquals(false, event.at("/data/" + DirectoryEvents.SYSTEM_TENANT).asBoolean(true), event.toString());
        }
    }

    @Test
    void aTenantMarkedToBeAnnouncedAgainIsPublishedOnceAtItsNextRevision() throws Exception {
        String tenant = createTenant();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE tenant SET announce_again = true WHERE id = ?1")
                .setParameter(1, UUID.fromString(tenant)).executeUpdate());

        QuarkusTransaction.requiringNew().run(tenants::announceAgain);
        QuarkusTransaction.requiringNew().run(tenants::announceAgain);
        String later = "Europe/Rome";
        given().contentType(ContentType.JSON).body("{\"tenant\": {\"timezone\": \"" + later + "\"}}")
                .when().put("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        // the relay keeps each key's order: once the later change is there, everything before it is
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> events(tenant),
                found -> found.stream().anyMatch(event -> later.equals(event.at("/data/tenant/timezone").asText())));
        assertEquals(List.of("tenant.created:1", "tenant.updated:2", "tenant.updated:3"),
                events.stream().map(event -> event.path("type").asText() + ":" + event.path("revision").asLong())
                        .toList());
        assertFalse(
                QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(UUID.fromString(tenant)).announceAgain));
    }

    /** The events keyed by the tenant's id, in the order Kafka holds them. */
    private List<JsonNode> events(String tenant) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.all(kafka, DirectoryEvents.TOPIC)) {
            if (tenant.equals(record.key())) {
                events.add(JSON.readTree(record.value()));
            }
        }
        return events;
    }
}
