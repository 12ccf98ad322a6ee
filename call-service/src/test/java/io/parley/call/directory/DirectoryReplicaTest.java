package io.parley.call.directory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.directory.KnownTenant;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DirectoryReplicaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @jakarta.inject.Inject
    EntityManager entityManager;

    @Test
    void tenantAnnouncedByTheDirectoryBecomesKnown() {
        UUID tenant = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, tenant, "Acme", "2026-01-01T10:00:00Z");

        assertEquals("Acme", awaitName(tenant, "Acme"));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID tenant = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(event, DirectoryEvents.TENANT_CREATED, tenant, "Once", "2026-01-01T10:00:00Z");
        awaitName(tenant, "Once");
        OffsetDateTime firstReceipt = known(tenant).receivedAt;

        publish(event, DirectoryEvents.TENANT_CREATED, tenant, "Once", "2026-01-01T10:00:00Z");
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, marker, "Marker", "2026-01-01T10:00:00Z");
        awaitName(marker, "Marker"); // the partition has moved past the redelivery

        assertEquals(firstReceipt, known(tenant).receivedAt);
        assertEquals(1L, processedCount(event));
    }

    @Test
    void lateEventNeverOverwritesANewerState() {
        UUID tenant = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_UPDATED, tenant, "Newer", "2026-01-02T10:00:00Z");
        awaitName(tenant, "Newer");

        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, tenant, "Older", "2026-01-01T10:00:00Z");
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, marker, "Marker", "2026-01-01T10:00:00Z");
        awaitName(marker, "Marker");

        assertEquals("Newer", known(tenant).name);
    }

    @Test
    void deletedTenantStaysDeletedWhenAnEarlierUpdateArrivesLate() {
        UUID tenant = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, tenant, "Gone", "2026-01-01T10:00:00Z");
        awaitName(tenant, "Gone");

        publish(UUID.randomUUID(), DirectoryEvents.TENANT_DELETED, tenant, "Gone", "2026-01-01T12:00:00Z");
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_UPDATED, tenant, "Back", "2026-01-01T11:00:00Z");
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, marker, "Marker", "2026-01-01T10:00:00Z");
        awaitName(marker, "Marker");

        assertEquals("Gone", known(tenant).name);
        assertEquals(OffsetDateTime.parse("2026-01-01T12:00:00Z").toInstant(), known(tenant).deletedAt.toInstant());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> KnownTenant.findLive(tenant)).isEmpty());
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, key, "not an event " + key);

        var dead = KafkaTopics.await(kafka, "directory.events.dlq.call-service", value -> value.contains(key),
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals(key, dead.key());
        org.junit.jupiter.api.Assertions.assertNotNull(dead.headers().lastHeader("dead-letter-reason"));

        UUID tenant = UUID.randomUUID();
        publish(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, tenant, "After", "2026-01-01T10:00:00Z");
        awaitName(tenant, "After");
    }

    private void publish(UUID eventId, String type, UUID tenant, String name, String occurredAt) {
        String event = """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "tenant_id": "%s",
                 "data": {"tenant": {"tenant_id": "%s", "name": "%s"}}}
                """.formatted(eventId, type, occurredAt, tenant, tenant, name);
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), event);
    }

    private String awaitName(UUID tenant, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            KnownTenant known = known(tenant);
            return known != null && name.equals(known.name);
        });
        return known(tenant).name;
    }

    private KnownTenant known(UUID tenant) {
        return QuarkusTransaction.requiringNew().call(() -> KnownTenant.<KnownTenant> findById(tenant));
    }

    private long processedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
