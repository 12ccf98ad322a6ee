package io.parley.call.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Recorders bound to a tenant by the header call-service stamps on their records: what is or would be another
 * tenant's call is set aside with the reason and nothing of it stored; records without the header serve every tenant.
 */
@QuarkusTest
class RecorderTenantIngestTest {

    private static final String TOPIC = "recording.events";
    private static final String CROSSES = "The event's call is, or would be associated with, another tenant than its"
            + " recorder's";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void tenantsRecorderRewritingAnotherTenantsCallIsSetAsideAndTheCallIsUnchanged() {
        UUID call = TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").set("from_number", "original")
                .store(dataSource);
        UUID tenant = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        publish(call, tenant, callEvent(call, "call.updated", "2999-01-01T00:00:00Z", "rewritten"));
        publish(call, tenant, callEvent(next, "call.started", "2026-03-01T10:00:00Z", "own")); // same partition

        assertEquals(CROSSES, reason(call, "rewritten"));
        assertEquals("original", Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call)
                .get("from_number"));
        assertEquals(tenant, Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", next)
                .get("tenant_id"));
    }

    @Test
    void tenantsRecorderCallThatAssociationPutsInAnotherTenantIsSetAsideAndNothingIsStored() {
        String extension = extension();
        TestCalls.tenantWithExtension(dataSource, UUID.randomUUID(), extension);
        UUID call = UUID.randomUUID();

        publish(call, UUID.randomUUID(), callEvent(call, "call.started", "2026-03-01T10:00:00Z", extension));

        assertEquals(CROSSES, reason(call, extension));
        assertTrue(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).isEmpty());
    }

    @Test
    void tenantsRecorderFileOfAnotherTenantsCallIsSetAsideAndNotStored() {
        UUID call = TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").store(dataSource);

        publish(call, UUID.randomUUID(), """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "2026-03-01T10:05:00Z",
                 "recorder_id": "%s", "call_id": "%s", "file": {"file_id": "planted", "file_size": 1}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), call));

        assertEquals(CROSSES, reason(call, "planted"));
        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).isEmpty());
    }

    @Test
    void storedCallOfNoTenantIsNotATenantsRecorderToTake() {
        UUID call = TestCalls.call(null, "2026-03-01T10:00:00Z").store(dataSource);

        publish(call, UUID.randomUUID(), callEvent(call, "call.updated", "2999-01-01T00:00:00Z", "taken"));

        assertEquals(CROSSES, reason(call, "taken"));
        assertNull(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).get("tenant_id"));
    }

    @Test
    void tenantsRecorderCallThatFindsNoTenantIsItsTenantsAndLateAssociationLeavesItThere() {
        UUID tenant = UUID.randomUUID();
        String extension = extension();
        UUID call = UUID.randomUUID();
        publish(call, tenant, callEvent(call, "call.started", "2026-03-01T10:00:00Z", extension));
        assertEquals(tenant, Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call)
                .get("tenant_id"));

        // another tenant's user on the number, announced by the directory: late association runs as it is applied
        UUID other = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, user.toString(), """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "2026-03-01T09:00:00Z",
                 "tenant_id": "%s", "revision": 1, "data": {"user": {"user_id": "%s", "tenant_id": "%s",
                 "group_id": null, "name": "Agent", "fieldset_recording": {"extensions": ["%s"]}}}}
                """.formatted(UUID.randomUUID(), DirectoryEvents.USER_CREATED, other, user, other, extension));
        Rows.awaitFirst(dataSource, "SELECT * FROM known_user_extension WHERE user_id = ?", user);

        assertEquals(tenant, Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).get("tenant_id"));
        assertNull(Rows.first(dataSource, "SELECT * FROM call_participant WHERE call_id = ?", call).get("user_id"));
    }

    @Test
    void recordWithoutTheTenantHeaderServesEveryTenant() {
        String extension = extension();
        UUID other = UUID.randomUUID();
        TestCalls.tenantWithExtension(dataSource, other, extension);
        UUID call = UUID.randomUUID();
        UUID stored = TestCalls.call(other, "2026-03-01T10:00:00Z").store(dataSource);

        KafkaTopics.send(kafka, TOPIC, call.toString(), callEvent(call, "call.started", "2026-03-01T10:00:00Z",
                extension));
        KafkaTopics.send(kafka, TOPIC, stored.toString(), callEvent(stored, "call.updated", "2999-01-01T00:00:00Z",
                "updated"));

        assertEquals(other, Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ? AND tenant_id IS NOT NULL",
                call).get("tenant_id"));
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ? AND from_number = 'updated'", stored);
    }

    @Test
    void tenantHeaderThatIsNotATenantIdIsSetAside() {
        UUID call = UUID.randomUUID();
        KafkaTopics.send(kafka, TOPIC, call.toString(), callEvent(call, "call.started", "2026-03-01T10:00:00Z",
                "unread"), Map.of(RecorderEvent.RECORDER_TENANT_HEADER, "every tenant"));

        assertEquals("The parley-recorder-tenant header is not a tenant id", reason(call, "unread"));
        assertTrue(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", call).isEmpty());
    }

    private void publish(UUID key, UUID recorderTenant, String value) {
        KafkaTopics.send(kafka, TOPIC, key.toString(), value,
                Map.of(RecorderEvent.RECORDER_TENANT_HEADER, recorderTenant.toString()));
    }

    private String reason(UUID call, String marker) {
        ConsumerRecord<String, String> dead = KafkaTopics.await(kafka, "recording.events.dlq",
                value -> value.contains(call.toString()) && value.contains(marker), Duration.ofSeconds(30))
                .orElseThrow();
        return new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    /** A call event whose call and participant are on the number. */
    private static String callEvent(UUID call, String type, String occurredAt, String number) {
        return """
                {"event_id": "%s", "type": "%s", "occurred_at": "%s", "recorder_id": "%s",
                 "call": {"call_id": "%s", "from_number": "%s",
                          "participants": [{"participant_id": "1", "party_number": "%s"}]}}
                """.formatted(UUID.randomUUID(), type, occurredAt, UUID.randomUUID(), call, number, number);
    }

    private static String extension() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }
}
