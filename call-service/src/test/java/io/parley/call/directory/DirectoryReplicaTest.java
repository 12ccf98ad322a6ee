package io.parley.call.directory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.common.directory.KnownTenant;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.security.SystemTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The replica of the directory applies each object's changes once and in the order of their revisions. Every test
 * waits for the very event it asserts on to be consumed (its id recorded in the same transaction as its effect), or
 * for a later record under the same key, which Kafka delivers after it.
 */
@QuarkusTest
class DirectoryReplicaTest {

    private static final String SECOND = "2026-01-01T10:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    SystemTenant systemTenant;

    @Test
    void tenantAnnouncedByTheDirectoryBecomesKnown() {
        UUID tenant = UUID.randomUUID();
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, tenant, 1L, "Acme", SECOND));

        assertEquals("Acme", known(tenant).name);
        assertEquals(1L, known(tenant).revision);
    }

    /** The directory's events say which tenant is the System tenant; its name says nothing. */
    @Test
    void theTenantTheDirectoryMarksIsTheSystemTenantAndOnlyIt() {
        UUID system = UUID.randomUUID();
        UUID lookAlike = UUID.randomUUID();
        UUID unmarked = UUID.randomUUID();
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, system, 1L, "Head office", SECOND, true));
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, lookAlike, 1L, "\u017Fystem", SECOND, false));
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, unmarked, 1L, "System", SECOND));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> systemTenant.is(system)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> systemTenant.is(lookAlike)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> systemTenant.is(unmarked)));
    }

    /** How replicas that hold the System tenant's earlier events learn it: its next event marks it. */
    @Test
    void aTenantKnownBeforeBecomesTheSystemTenantWithTheEventThatMarksIt() {
        UUID system = UUID.randomUUID();
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, system, 1L, "System", SECOND));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> systemTenant.is(system)));

        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, system, 2L, "System", SECOND, true));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> systemTenant.is(system)));
    }

    @Test
    void aTenantChangedInTheSecondItWasCreatedTakesTheChange() {
        UUID tenant = UUID.randomUUID();
        publishTenant(DirectoryEvents.TENANT_CREATED, tenant, 1L, "First", SECOND);
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Second", SECOND));

        assertEquals("Second", known(tenant).name);
        assertEquals(2L, known(tenant).revision);
    }

    @Test
    void aUserGivenAnExtensionInTheSecondItWasCreatedIsKnownByIt() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String extension = "84" + Math.abs(user.getLeastSignificantBits() % 1_000_000);
        publishUser(DirectoryEvents.USER_CREATED, tenant, user, 1L, List.of(), SECOND);
        awaitConsumed(publishUser(DirectoryEvents.USER_UPDATED, tenant, user, 2L, List.of(extension), SECOND));

        assertEquals(extension, Rows.first(dataSource, "SELECT extension FROM known_user_extension WHERE user_id = ?",
                user).get("extension"));
    }

    @Test
    void anOlderRevisionArrivingAfterANewerOneIsIgnoredWhateverItsTime() {
        UUID tenant = UUID.randomUUID();
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 3L, "Newer", "2026-01-01T10:00:00Z"));

        // committed before the newer change, and stamped a second later by a clock that runs ahead
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Older", "2026-01-01T10:00:01Z"));

        assertEquals("Newer", known(tenant).name);
        assertEquals(3L, known(tenant).revision);
    }

    @Test
    void anOlderRevisionOfAUserArrivingAfterANewerOneLeavesItsExtensions() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        awaitConsumed(publishUser(DirectoryEvents.USER_UPDATED, tenant, user, 5L, List.of("700"), SECOND));

        awaitConsumed(publishUser(DirectoryEvents.USER_UPDATED, tenant, user, 4L, List.of("400"),
                "2026-01-01T10:00:01Z"));

        assertEquals("700", Rows.first(dataSource, "SELECT extension FROM known_user_extension WHERE user_id = ?",
                user).get("extension"));
    }

    @Test
    void redeliveredEarlierEventDoesNotRollTheTenantBack() {
        UUID tenant = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        publishTenant(first, DirectoryEvents.TENANT_CREATED, tenant, 1L, "First", SECOND);
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Second", SECOND));
        OffsetDateTime receipt = known(tenant).receivedAt;

        // the first event again, as a relay retry or a replay of dead letters sends it: applied, it would undo
        publishTenant(first, DirectoryEvents.TENANT_CREATED, tenant, 1L, "First", SECOND);
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Second", SECOND)); // same key, after

        assertEquals("Second", known(tenant).name);
        assertEquals(receipt, known(tenant).receivedAt);
        assertEquals(1L, Rows.first(dataSource,
                "SELECT count(*) AS n FROM processed_event WHERE event_id = ?", first).get("n"));
    }

    @Test
    void deletedTenantStaysDeletedWhenAnEarlierUpdateArrivesLate() {
        UUID tenant = UUID.randomUUID();
        publishTenant(DirectoryEvents.TENANT_CREATED, tenant, 1L, "Gone", SECOND);
        publishTenant(DirectoryEvents.TENANT_DELETED, tenant, 3L, "Gone", "2026-01-01T12:00:00Z");
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Back", "2026-01-01T11:00:00Z"));

        assertEquals("Gone", known(tenant).name);
        assertEquals(OffsetDateTime.parse("2026-01-01T12:00:00Z").toInstant(), known(tenant).deletedAt.toInstant());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> KnownTenant.findLive(tenant)).isEmpty());
    }

    @Test
    void eventsWithoutARevisionKeepTheirOrderInTimeAndLoseToThoseWithOne() {
        UUID tenant = UUID.randomUUID();
        publishTenant(DirectoryEvents.TENANT_CREATED, tenant, null, "Old", "2026-01-01T09:00:00Z");
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, null, "Old later", "2026-01-01T09:30:00Z"));
        assertEquals("Old later", known(tenant).name);

        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "New", SECOND));
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, null, "Old latest", "2026-01-01T11:00:00Z"));

        assertEquals("New", known(tenant).name);
    }

    /**
     * What a new replica reads from the compacted topic: only the last event of each object, in no order between
     * objects (a user's before its tenant's, deletions of objects it never saw).
     */
    @Test
    void aReplicaGivenOnlyEachObjectsLastEventHoldsTheirCurrentState() {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID goneTenant = UUID.randomUUID();
        UUID goneUser = UUID.randomUUID();

        awaitConsumed(publishUser(DirectoryEvents.USER_UPDATED, tenant, agent, 3L, List.of("5100"), SECOND));
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "Current", SECOND));
        awaitConsumed(publishUser(DirectoryEvents.USER_DELETED, tenant, leaver, 2L, List.of("5101"), SECOND));
        awaitConsumed(publishUser(DirectoryEvents.USER_DELETED, goneTenant, goneUser, 2L, List.of("5102"), SECOND));
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_DELETED, goneTenant, 4L, "Gone", SECOND));

        assertEquals("Current", QuarkusTransaction.requiringNew().call(() -> KnownTenant.findLive(tenant))
                .orElseThrow().name);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> KnownTenant.findLive(goneTenant)).isEmpty());
        assertEquals("5100", Rows.first(dataSource, "SELECT extension FROM known_user_extension WHERE user_id = ?",
                agent).get("extension"));
        for (UUID deleted : List.of(leaver, goneUser)) {
            assertNotNull(Rows.first(dataSource, "SELECT deleted_at FROM known_user WHERE id = ?", deleted)
                    .get("deleted_at"));
            assertTrue(Rows.first(dataSource, "SELECT * FROM known_user_extension WHERE user_id = ?", deleted)
                    .isEmpty());
        }
    }

    /** A user's event read after its tenant's deletion (another partition; or published before owned deletions). */
    @Test
    void aUserOfADeletedTenantIsDeletedWhicheverEventOfItsArrivesAfter() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        awaitConsumed(publishTenant(DirectoryEvents.TENANT_DELETED, tenant, null, "Gone", SECOND));

        awaitConsumed(publishUser(DirectoryEvents.USER_CREATED, tenant, user, 1L, List.of("5200"), SECOND));

        assertNotNull(Rows.first(dataSource, "SELECT deleted_at FROM known_user WHERE id = ?", user).get("deleted_at"));
        assertTrue(Rows.first(dataSource, "SELECT * FROM known_user_extension WHERE user_id = ?", user).isEmpty());
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID tenant = UUID.randomUUID();
        String key = tenant.toString();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, key, "not an event " + key);

        var dead = KafkaTopics.await(kafka, "directory.events.dlq.call-service", value -> value.contains(key),
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals(key, dead.key());
        assertNotNull(dead.headers().lastHeader("dead-letter-reason"));

        awaitConsumed(publishTenant(DirectoryEvents.TENANT_CREATED, tenant, 1L, "After", SECOND));
        assertEquals("After", known(tenant).name);
    }

    @Test
    void anEventOfANewerContractIsSetAsideAndTheNextOneApplied() {
        UUID tenant = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), """
                {"specversion": "1.0", "id": "%s", "source": "/parley/directory-service", "type": "tenant.created",
                 "subject": "%s", "time": "2026-01-01T09:00:00Z", "datacontenttype": "application/json",
                 "tenantid": "%s", "revision": 1, "dataversion": %d,
                 "data": {"tenant": {"tenant_id": "%s", "name": "Newer"}}}
                """.formatted(newer, tenant, tenant, DirectoryEvents.VERSION + 1, tenant));

        var dead = KafkaTopics.await(kafka, "directory.events.dlq.call-service",
                value -> value.contains(newer.toString()), Duration.ofSeconds(30)).orElseThrow();
        assertEquals("dataversion is " + (DirectoryEvents.VERSION + 1) + ", newer than the " + DirectoryEvents.VERSION
                + " this consumer reads: upgrade it, then replay this event",
                new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
        assertNull(known(tenant), "nothing of the newer event was applied");

        awaitConsumed(publishTenant(DirectoryEvents.TENANT_UPDATED, tenant, 2L, "After", SECOND));
        assertEquals("After", known(tenant).name);
    }

    private UUID publishTenant(String type, UUID tenant, Long revision, String name, String occurredAt) {
        return publishTenant(UUID.randomUUID(), type, tenant, revision, name, occurredAt);
    }

    private UUID publishTenant(UUID eventId, String type, UUID tenant, Long revision, String name,
            String occurredAt) {
        publish(eventId, type, tenant, tenant, revision, occurredAt, """
                {"tenant": {"tenant_id": "%s", "name": "%s"}}""".formatted(tenant, name));
        return eventId;
    }

    /** A tenant event with {@code data.system_tenant}, as directory-service publishes them now. */
    private UUID publishTenant(String type, UUID tenant, Long revision, String name, String occurredAt,
            boolean systemTenant) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, type, tenant, tenant, revision, occurredAt, """
                {"tenant": {"tenant_id": "%s", "name": "%s"}, "system_tenant": %s}""".formatted(tenant, name,
                systemTenant));
        return eventId;
    }

    private UUID publishUser(String type, UUID tenant, UUID user, long revision, List<String> extensions,
            String occurredAt) {
        UUID eventId = UUID.randomUUID();
        String list = String.join(", ", extensions.stream().map(extension -> "\"" + extension + "\"").toList());
        publish(eventId, type, tenant, user, revision, occurredAt, """
                {"user": {"user_id": "%s", "tenant_id": "%s", "name": "Agent",
                          "fieldset_recording": {"extensions": [%s]}}}""".formatted(user, tenant, list));
        return eventId;
    }

    private void publish(UUID eventId, String type, UUID tenant, UUID key, Long revision, String occurredAt,
            String data) {
        String event = """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "tenant_id": "%s",%s
                 "data": %s}
                """.formatted(eventId, type, occurredAt, tenant,
                revision == null ? "" : " \"revision\": " + revision + ",", data);
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, key.toString(), event);
    }

    /** Waits until the replica has consumed the event: its id is recorded in the transaction of its effect. */
    private void awaitConsumed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Rows.first(dataSource,
                "SELECT 1 AS consumed FROM processed_event WHERE consumer = 'call-service' AND event_id = ?", eventId)
                .isEmpty());
    }

    private KnownTenant known(UUID tenant) {
        return QuarkusTransaction.requiringNew().call(() -> KnownTenant.<KnownTenant> findById(tenant));
    }
}
