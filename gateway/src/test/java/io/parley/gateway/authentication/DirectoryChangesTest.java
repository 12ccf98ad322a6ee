package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validation;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.json.ApiObjectMapperCustomizer;
import io.parley.common.events.read.EventData;
import io.parley.common.events.read.EventReader;

class DirectoryChangesTest {

    private final CredentialCache cache = new CredentialCache(
            new CredentialCacheTest.Settings(Duration.ofMinutes(5), 100), System::nanoTime);
    private final ObjectMapper mapper = ApiObjectMapperCustomizer.configure(new ObjectMapper());
    private final DirectoryChanges changes = new DirectoryChanges(cache, new EventReader(mapper),
            new EventData(mapper, Validation.buildDefaultValidatorFactory().getValidator()));
    private final CallerIdentity alice = TestIdentities.caller("alice");
    private final CredentialKey aliceKey = cache.keyOf(new BasicCredentials("alice", "secret"));

    @Test
    void userUpdatesAndDeletesDropTheUsersCredentials() {
        for (String type : new String[] { "user.updated", "user.deleted" }) {
            cacheAlice();
            changes.consume(event(type, "user", alice.userId()));
            assertTrue(cache.get(aliceKey).isEmpty(), type);
        }
    }

    @Test
    void groupRoleAndTenantChangesDropTheCredentialsOfTheirUsers() {
        String[][] cases = { { "group.updated", "group" }, { "group.deleted", "group" }, { "role.updated", "role" },
                { "role.deleted", "role" }, { "tenant.updated", "tenant" }, { "tenant.deleted", "tenant" } };
        for (String[] change : cases) {
            cacheAlice();
            UUID id = switch (change[1]) {
                case "group" -> alice.groupId();
                case "role" -> alice.roleId();
                default -> alice.tenantId();
            };
            changes.consume(event(change[0], change[1], id));
            assertTrue(cache.get(aliceKey).isEmpty(), change[0]);
        }
    }

    @Test
    void aChangeToAManagedGroupDropsTheManagersCredentials() {
        cacheAlice();
        changes.consume(event("group.updated", "group", alice.managedGroups().get(0)));
        assertTrue(cache.get(aliceKey).isEmpty());
    }

    @Test
    void partitionsGivenAnewDropEveryCachedCredentialAsChangesMayHaveBeenSkipped() {
        TopicPartition partition = new TopicPartition("directory.events", 0);
        MockConsumer<String, String> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(partition));
        consumer.updateEndOffsets(Map.of(partition, 42L));
        DirectoryChangesAssignment assignment = new DirectoryChangesAssignment(cache);
        cacheAlice();
        assignment.onPartitionsAssigned(consumer, List.of());
        assertTrue(cache.get(aliceKey).isPresent(), "no partitions, nothing skipped");
        assignment.onPartitionsAssigned(consumer, List.of(partition));
        assertTrue(cache.get(aliceKey).isEmpty());
    }

    @Test
    void creationsClientsAndOtherObjectsLeaveTheCacheAlone() {
        cacheAlice();
        changes.consume(event("user.created", "user", alice.userId()));
        changes.consume(event("client.updated", "client", alice.tenantId()));
        changes.consume(event("user.updated", "user", UUID.randomUUID()));
        assertTrue(cache.get(aliceKey).isPresent());
    }

    @Test
    void anUnreadableEventDropsEverything() {
        for (String unreadable : new String[] { "not json", "{\"type\": \"user.updated\", \"data\": {}}",
                "{\"type\": \"user.deleted\", \"data\": {\"user\": {\"user_id\": \"not-a-uuid\"}}}" }) {
            cacheAlice();
            changes.consume(unreadable);
            assertTrue(cache.get(aliceKey).isEmpty(), unreadable);
        }
    }

    @Test
    void anEventOfANewerContractDropsEverythingWhateverItNames() {
        cacheAlice();
        changes.consume(event("user.created", "user", UUID.randomUUID())
                .replace("\"dataversion\": 1", "\"dataversion\": 2"));
        assertTrue(cache.get(aliceKey).isEmpty());
    }

    @Test
    void versionOneEventsStillDropWhatTheyName() {
        cacheAlice();
        changes.consume(versionOneEvent("user.created", "user", alice.userId()));
        assertTrue(cache.get(aliceKey).isPresent());
        changes.consume(versionOneEvent("user.updated", "user", alice.userId()));
        assertTrue(cache.get(aliceKey).isEmpty());
        cacheAlice();
        changes.consume(versionOneEvent("user.created", "user", UUID.randomUUID())
                .replace("\"version\": 1", "\"version\": 2"));
        assertTrue(cache.get(aliceKey).isEmpty());
    }

    private void cacheAlice() {
        cache.put(aliceKey, TestIdentities.verified(alice), cache.generation());
        assertTrue(cache.get(aliceKey).isPresent());
    }

    /** An event as docs/events.md shows it, with only the fields its contract requires filled in. */
    private static String event(String type, String resource, UUID id) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/parley/directory-service", "type": "%s",
                 "subject": "%s", "time": "2026-11-28T12:36:45Z", "datacontenttype": "application/json",
                 "tenantid": "%s", "revision": 2, "dataversion": 1, "data": {"%s": %s}}"""
                .formatted(UUID.randomUUID(), type, id, UUID.randomUUID(), resource, object(resource, id));
    }

    /** The changed object: its id, the tenant it belongs to and its name. */
    private static String object(String resource, UUID id) {
        String tenant = resource.equals("tenant") ? "" : ", \"tenant_id\": \"" + UUID.randomUUID() + "\"";
        return "{\"%s_id\": \"%s\"%s, \"name\": \"x\"}".formatted(resource, id, tenant);
    }

    /** An event in the version 1 envelope, which the compacted topic may still hold. */
    private static String versionOneEvent(String type, String resource, UUID id) {
        return """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "2026-11-28T12:36:45+0000",
                 "tenant_id": "%s", "data": {"%s": %s}}"""
                .formatted(UUID.randomUUID(), type, UUID.randomUUID(), resource, object(resource, id));
    }
}
