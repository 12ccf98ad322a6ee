package io.parley.call.association;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.Rows;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CallEvents;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.ProvisioningRequests;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Calls find their tenant, users, group and client from the directory's events alone, as each tenant's
 * {@code fieldset_associate_calls} says: the real broker carries both the directory's and the recorder's events.
 */
@QuarkusTest
class CallAssociationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void callOfAnAgentsExtensionFindsTheTenantTheUserTheGroupAndTheClient() {
        UUID tenant = tenant("""
                "extension_uniqueness": "systemwide", "associate_calls": "extension", "record_unknown_users": "record"
                """);
        UUID group = UUID.randomUUID();
        String extension = number();
        UUID agent = user(tenant, group, extension);
        String customer = "+1555" + number();
        UUID client = client(tenant, customer);

        UUID call = call(participants(extension, customer), "");

        Map<String, Object> stored = awaitCall(call, "group_id IS NOT NULL AND client_id IS NOT NULL");
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(group, stored.get("group_id"));
        assertEquals(client, stored.get("client_id"));
        assertEquals(agent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND party_number = '"
                + extension + "'", call).get("user_id"));
        assertNull(row("SELECT user_id FROM call_participant WHERE call_id = ? AND party_number = '" + customer + "'",
                call).get("user_id"));
    }

    @Test
    void aCallTakesTheGroupOfItsFirstParticipantWhoseUserHasOne() {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        String ungrouped = number();
        String first = number();
        String second = number();
        user(tenant, null, ungrouped);
        UUID firstGroup = UUID.randomUUID();
        UUID firstAgent = user(tenant, firstGroup, first);
        UUID secondAgent = user(tenant, UUID.randomUUID(), second);

        UUID call = call("""
                "participants": [{"participant_id": "1", "party_direction": 1, "party_number": "%s"},
                                 {"participant_id": "2", "party_direction": 1, "party_number": "%s"},
                                 {"participant_id": "3", "party_direction": 2, "party_number": "%s"}]
                """.formatted(ungrouped, first, second), "");

        Map<String, Object> stored = awaitCall(call, "group_id IS NOT NULL");
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(firstGroup, stored.get("group_id"));
        assertEquals(firstAgent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '2'",
                call).get("user_id"));
        assertEquals(secondAgent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '3'",
                call).get("user_id"));
    }

    @Test
    void aStoredCallFindsItsTenantUserAndGroupWhenALaterEventNamesItsAgent() {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        UUID group = UUID.randomUUID();
        String extension = number();
        UUID agent = user(tenant, group, extension);
        String customer = "+1555" + number();
        UUID call = call("""
                "participants": [{"participant_id": "2", "party_direction": 2, "party_number": "%s"}]
                """.formatted(customer), "");
        assertNull(awaitCall(call, "true").get("tenant_id"));

        recorderEvent(call, "call.updated", "2026-03-01T10:01:00Z", "{\"call_id\": \"" + call + "\", "
                + participants(extension, customer) + "}");

        Map<String, Object> stored = awaitCall(call, "group_id IS NOT NULL");
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(group, stored.get("group_id"));
        assertEquals(agent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '1'",
                call).get("user_id"));
    }

    @Test
    void tenantsFoundByTheirOwnSettingBroadWorksOrSipHost() {
        String sp = "SP-" + number();
        UUID broadworks = tenant("""
                "associate_calls": "broadworks_group", "broadworks_sp_id": "%s", "broadworks_group_id": "G1"
                """.formatted(sp));
        String host = "pbx-" + number() + ".example.com";
        UUID sipHost = tenant("""
                "associate_calls": "sip_uri_host", "sip_uri_host": "%s"
                """.formatted(host.toUpperCase()));

        UUID first = call(participants(number(), number()),
                ", \"broadworks_sp_id\": \"" + sp + "\", \"broadworks_group_id\": \"G1\"");
        UUID second = call(participants(number(), number()), ", \"to_id\": \"sip:100@" + host + ":5060;transport=udp\"");

        assertEquals(broadworks, awaitCall(first, "tenant_id IS NOT NULL").get("tenant_id"));
        assertEquals(sipHost, awaitCall(second, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    @Test
    void theReferencesExampleTenantReceivesTheCallsItsConditionMatches() {
        String provider = "FlexusProvider-" + number();
        UUID flexus = tenant(condition("BroadWorks-serviceProviderID = \"%s\" AND BroadWorks-groupID = \"FlexusGroup\""
                .formatted(provider)));

        UUID ofFlexus = call(participants(number(), number()),
                ", \"broadworks_sp_id\": \"" + provider + "\", \"broadworks_group_id\": \"FlexusGroup\"");
        UUID ofAnotherGroup = call(participants(number(), number()),
                ", \"broadworks_sp_id\": \"" + provider + "\", \"broadworks_group_id\": \"OtherGroup\"");

        assertEquals(flexus, awaitCall(ofFlexus, "tenant_id IS NOT NULL").get("tenant_id"));
        assertNull(awaitCall(ofAnotherGroup, "true").get("tenant_id"));
    }

    @Test
    void aConditionTenantWinsOverTheExtensionTenantOfTheCallsAgent() {
        UUID byExtension = tenant("\"associate_calls\": \"extension\"");
        String extension = number();
        user(byExtension, null, extension);
        String host = "pbx-" + number() + ".flexus.example";
        UUID byCondition = tenant(condition("SIP-fromHost = \"%s\" AND NOT Call-toNumber STARTS WITH \"+1900\""
                .formatted(host.toUpperCase())));

        UUID matching = call(participants(extension, "+15550100"), ", \"from_id\": \"sip:" + extension + "@" + host
                + ":5060\", \"to_number\": \"+15550100\"");
        UUID excluded = call(participants(extension, "+19005550100"), ", \"from_id\": \"sip:" + extension + "@"
                + host + "\", \"to_number\": \"+19005550100\"");

        assertEquals(byCondition, awaitCall(matching, "tenant_id IS NOT NULL").get("tenant_id"));
        assertEquals(byExtension, awaitCall(excluded, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    @Test
    void aCallMatchesTheConditionOnceALaterEventCompletesItsAttributes() {
        String system = "ms-" + number();
        UUID tenant = tenant(condition("Metaswitch-system = \"%s\" AND Metaswitch-group CONTAINS \"sales\""
                .formatted(system)));
        UUID call = call(participants(number(), number()), ", \"metaswitch_system\": \"" + system + "\"");
        assertNull(awaitCall(call, "true").get("tenant_id"));

        recorderEvent(call, "call.updated", "2026-03-01T10:01:00Z", "{\"call_id\": \"" + call
                + "\", \"metaswitch_group\": \"east-sales\"}");

        assertEquals(tenant, awaitCall(call, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    @Test
    void ofTwoConditionTenantsACallMatchesTheLowestIdWins() {
        String agent = "agent-" + number();
        UUID one = tenant(condition("Call-agentID = \"%s\"".formatted(agent)));
        UUID other = tenant(condition("Call-agentID STARTS WITH \"%s\"".formatted(agent)));

        UUID call = call(participants(number(), number()), ", \"agent_id\": \"" + agent + "\"");

        // PostgreSQL orders uuids by their bytes, as their texts in lower case sort
        UUID lowest = one.toString().compareTo(other.toString()) < 0 ? one : other;
        assertEquals(lowest, awaitCall(call, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    @Test
    void anExtensionTwoTenantsShareFindsNeither() {
        String shared = number();
        UUID one = tenant("\"extension_uniqueness\": \"tenant\", \"associate_calls\": \"extension\"");
        UUID other = tenant("\"extension_uniqueness\": \"tenant\", \"associate_calls\": \"extension\"");
        user(one, null, shared);
        user(other, null, shared);
        String own = number();
        user(one, null, own);

        UUID ambiguous = call(participants(shared, number()), "");
        UUID clear = call(participants(own, number()), "");

        assertEquals(one, awaitCall(clear, "tenant_id IS NOT NULL").get("tenant_id"));
        assertNull(awaitCall(ambiguous, "true").get("tenant_id"));
    }

    @Test
    void tenantThatIgnoresUnknownUsersDropsTheirCallsOnceEndedAndRecordKeepsThem() {
        String ignoreHost = "ignore-" + number() + ".example.com";
        tenant("\"associate_calls\": \"sip_uri_host\", \"sip_uri_host\": \"%s\", \"record_unknown_users\": \"ignore\""
                .formatted(ignoreHost));
        String recordHost = "record-" + number() + ".example.com";
        UUID recording = tenant(("\"associate_calls\": \"sip_uri_host\", \"sip_uri_host\": \"%s\","
                + " \"record_unknown_users\": \"record\"").formatted(recordHost));

        UUID ignored = call(participants(number(), number()), ", \"from_id\": \"1@" + ignoreHost + "\"");
        UUID recorded = call(participants(number(), number()), ", \"from_id\": \"1@" + recordHost + "\"");
        end(ignored);
        end(recorded);
        assertEquals(recording, awaitCall(recorded, "ended_at IS NOT NULL").get("tenant_id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !row("SELECT * FROM ignored_call WHERE call_id = ?",
                ignored).isEmpty());

        recorderEvent(ignored, "call.updated", "2026-03-01T10:10:00Z", "{\"call_id\": \"" + ignored
                + "\", \"to_name\": \"late\"}");
        // under the ignored call's key: one partition, so the marker is stored once the late event was read
        UUID marker = UUID.randomUUID();
        recorderEvent(ignored, "call.started", "2026-03-01T10:10:00Z", "{\"call_id\": \"" + marker + "\", "
                + participants(number(), number()) + "}");
        awaitCall(marker, "true");
        assertTrue(row("SELECT * FROM call WHERE call_id = ?", ignored).isEmpty());
    }

    @Test
    void aDeletedTenantTakesItsUsersAndTheirExtensionsWithIt() {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        String extension = number();
        UUID agent = user(tenant, null, extension);

        directoryEvent(DirectoryEvents.TENANT_DELETED, tenant, tenant, 2, """
                {"tenant": {"tenant_id": "%s", "name": "Tenant %s"}}
                """.formatted(tenant, tenant));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT * FROM known_user_extension WHERE user_id = ?",
                agent).isEmpty());
        UUID call = call(participants(extension, number()), "");

        assertNull(awaitCall(call, "true").get("tenant_id"));
        assertTrue(row("SELECT * FROM known_user WHERE id = ? AND deleted_at IS NOT NULL", agent).size() > 0);
    }

    @Test
    void aTenantThatProvisionsUsersAsksOnceForAnAgentsExtensionAndItsCallsFindTheUserTheDirectoryCreates()
            throws Exception {
        String host = "provision-" + number() + ".example.com";
        UUID provisionGroup = UUID.randomUUID();
        UUID tenant = tenant(("\"associate_calls\": \"sip_uri_host\", \"sip_uri_host\": \"%s\","
                + " \"record_unknown_users\": \"record\", \"auto_provision\": true,"
                + " \"provision_group_id\": \"%s\", \"provision_role_id\": \"%s\"")
                .formatted(host, provisionGroup, UUID.randomUUID()));
        String extension = number();
        String customer = "+1555" + number();

        UUID first = call(agentAndCustomer(extension, "Dana Agent", customer), ", \"from_id\": \"1@" + host + "\"");
        UUID second = call(agentAndCustomer(extension, "Dana Agent", customer), ", \"from_id\": \"1@" + host + "\"");

        JsonNode request = new ObjectMapper().readTree(KafkaTopics.await(kafka, ProvisioningRequests.TOPIC,
                value -> value.contains(extension), Duration.ofSeconds(30)).orElseThrow().value());
        assertEquals(ProvisioningRequests.USER_REQUESTED, request.path("type").asText());
        assertEquals(tenant.toString(), request.path("data").path("tenant_id").asText());
        assertEquals(extension, request.path("data").path("extension").asText());
        assertEquals("Dana Agent", request.path("data").path("name").asText());
        awaitCall(second, "tenant_id IS NOT NULL");
        assertEquals(1L, row("SELECT count(*) AS n FROM provision_request WHERE extension = ?", extension).get("n"));

        // the directory's answer: the user, in the provision group, with the extension
        UUID agent = user(tenant, provisionGroup, extension);

        for (UUID call : List.of(first, second)) {
            assertEquals(provisionGroup, awaitCall(call, "group_id IS NOT NULL").get("group_id"));
            assertEquals(agent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '1'",
                    call).get("user_id"));
        }
        assertTrue(KafkaTopics.await(kafka, CallEvents.TOPIC, value -> value.contains(CallEvents.CALL_UPDATED)
                && value.contains(first.toString()) && value.contains(agent.toString()), Duration.ofSeconds(30))
                .isPresent());
    }

    /**
     * Setting up provisioning takes two changes of the tenant in a row (its provision group must exist before the
     * tenant names it): made in the same second, the second must count.
     */
    @Test
    void aTenantGivenAutoProvisionInTheSecondItWasCreatedAsksForItsAgents() {
        String host = "provision-later-" + number() + ".example.com";
        UUID tenant = tenant("\"associate_calls\": \"sip_uri_host\", \"sip_uri_host\": \"%s\"".formatted(host));
        UUID update = directoryEvent(DirectoryEvents.TENANT_UPDATED, tenant, tenant, 2, """
                {"tenant": {"tenant_id": "%s", "name": "Tenant %s", "fieldset_associate_calls": {
                    "associate_calls": "sip_uri_host", "sip_uri_host": "%s", "record_unknown_users": "record",
                    "auto_provision": true, "provision_group_id": "%s", "provision_role_id": "%s"}}}
                """.formatted(tenant, tenant, host, UUID.randomUUID(), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !row("SELECT * FROM processed_event WHERE event_id = ?",
                update).isEmpty());
        String extension = number();

        call(agentAndCustomer(extension, "Finn Agent", number()), ", \"from_id\": \"1@" + host + "\"");

        assertTrue(KafkaTopics.await(kafka, ProvisioningRequests.TOPIC,
                value -> value.contains("\"" + extension + "\"") && value.contains(tenant.toString()),
                Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void aTenantThatDoesNotProvisionUsersAsksNothing() {
        String host = "no-provision-" + number() + ".example.com";
        tenant("\"associate_calls\": \"sip_uri_host\", \"sip_uri_host\": \"%s\", \"record_unknown_users\": \"record\""
                .formatted(host));
        String extension = number();

        UUID call = call(agentAndCustomer(extension, "Eve Agent", number()), ", \"from_id\": \"1@" + host + "\"");

        awaitCall(call, "tenant_id IS NOT NULL");
        assertTrue(row("SELECT * FROM provision_request WHERE extension = ?", extension).isEmpty());
    }

    @Test
    void aCallOfAnExtensionNoUserHadFindsItsTenantAndUserWhenTheUserIsCreatedLater() {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        String extension = number();
        UUID call = call(participants(extension, number()), "");
        assertNull(awaitCall(call, "true").get("tenant_id"));

        UUID group = UUID.randomUUID();
        UUID agent = user(tenant, group, extension);

        Map<String, Object> stored = awaitCall(call, "group_id IS NOT NULL");
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(group, stored.get("group_id"));
        assertEquals(agent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '1'", call)
                .get("user_id"));
    }

    @Test
    void aCallOfAnExtensionWithoutParticipantsFindsItsTenantWhenTheUserIsCreatedLater() {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        String extension = number();
        UUID call = call("\"from_number\": \"" + extension + "\", \"to_number\": \"" + number() + "\"", "");
        assertNull(awaitCall(call, "true").get("tenant_id"));

        user(tenant, UUID.randomUUID(), extension);

        assertEquals(tenant, awaitCall(call, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    /**
     * The directory keys its events by object id, so a user's event may reach the replica before its tenant's: the
     * calls of the user's extension stored meanwhile find the tenant once the replica learns it.
     */
    @Test
    void aCallOfAnAgentWhoseTenantTheReplicaLearnsAfterTheUserFindsItsTenant() {
        UUID tenant = UUID.randomUUID();
        String extension = number();
        UUID group = UUID.randomUUID();
        UUID agent = user(tenant, group, extension);
        UUID call = call(participants(extension, number()), "");
        assertNull(awaitCall(call, "true").get("tenant_id"));

        tenant(tenant, "\"associate_calls\": \"extension\"");

        Map<String, Object> stored = awaitCall(call, "group_id IS NOT NULL");
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(group, stored.get("group_id"));
        assertEquals(agent, row("SELECT user_id FROM call_participant WHERE call_id = ? AND participant_id = '1'", call)
                .get("user_id"));
    }

    /**
     * An ingest batch still in flight when the replica learns the user's extensions: the batch did not see the
     * extension, late association must not miss the batch's call. The test's own transaction plays the batch.
     */
    @Test
    void aCallStoredWhileItsAgentsExtensionIsAnnouncedFindsItsTenant() throws Exception {
        UUID tenant = tenant("\"associate_calls\": \"extension\"");
        String extension = number();
        UUID call = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            AssociationLock.shared(batch);
            try (PreparedStatement insert = batch.prepareStatement(
                    "INSERT INTO call (call_id, from_number, last_event_at) VALUES (?, ?, now())")) {
                insert.setObject(1, call);
                insert.setString(2, extension);
                insert.executeUpdate();
            }
            directoryEvent(DirectoryEvents.USER_CREATED, tenant, user, 1, """
                    {"user": {"user_id": "%s", "tenant_id": "%s", "name": "Agent",
                              "fieldset_recording": {"extensions": ["%s"]}}}
                    """.formatted(user, tenant, extension));
            // the batch commits once the replica has applied the user, or once late association waits for the batch
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> !row("SELECT * FROM known_user_extension WHERE user_id = ?", user).isEmpty()
                            || !row("SELECT * FROM pg_locks WHERE locktype = ? AND NOT granted", "advisory").isEmpty());
            batch.commit();
        }
        assertEquals(tenant, awaitCall(call, "tenant_id IS NOT NULL").get("tenant_id"));
    }

    /** A condition tenant's association settings. */
    private static String condition(String condition) {
        return "\"associate_calls\": \"condition\", \"associate_calls_condition\": \""
                + condition.replace("\"", "\\\"") + "\"";
    }

    private UUID tenant(String association) {
        return tenant(UUID.randomUUID(), association);
    }

    private UUID tenant(UUID id, String association) {
        directoryEvent(DirectoryEvents.TENANT_CREATED, id, id, 1, """
                {"tenant": {"tenant_id": "%s", "name": "Tenant %s", "fieldset_associate_calls": {%s}}}
                """.formatted(id, id, association));
        await().atMost(Duration.ofSeconds(30)).until(() -> !row("SELECT * FROM known_tenant WHERE id = ?", id)
                .isEmpty());
        return id;
    }

    private UUID user(UUID tenant, UUID group, String extension) {
        UUID id = UUID.randomUUID();
        directoryEvent(DirectoryEvents.USER_CREATED, tenant, id, 1, """
                {"user": {"user_id": "%s", "tenant_id": "%s", "group_id": %s, "name": "Agent %s",
                          "fieldset_recording": {"extensions": ["%s"]}}}
                """.formatted(id, tenant, group == null ? "null" : "\"" + group + "\"", extension, extension));
        await().atMost(Duration.ofSeconds(30)).until(() -> !row("SELECT * FROM known_user_extension WHERE user_id = ?",
                id).isEmpty());
        return id;
    }

    private UUID client(UUID tenant, String phone) {
        UUID id = UUID.randomUUID();
        directoryEvent(DirectoryEvents.CLIENT_CREATED, tenant, id, 1, """
                {"client": {"client_id": "%s", "tenant_id": "%s", "name": "Customer",
                            "contacts": [{"phone_number": "%s", "name": "Buyer"}]}}
                """.formatted(id, tenant, phone));
        await().atMost(Duration.ofSeconds(30)).until(() -> !row("SELECT * FROM known_client_phone WHERE client_id = ?",
                id).isEmpty());
        return id;
    }

    /** Publishes a directory event as the directory does, every one in the same second; returns its id. */
    private UUID directoryEvent(String type, UUID tenant, UUID key, long revision, String data) {
        UUID eventId = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, key.toString(), """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "2026-03-01T09:00:00Z",
                 "tenant_id": "%s", "revision": %d, "data": %s}
                """.formatted(eventId, type, tenant, revision, data));
        return eventId;
    }

    private static String participants(String caller, String called) {
        return """
                "participants": [{"participant_id": "1", "party_direction": 1, "party_number": "%s"},
                                 {"participant_id": "2", "party_direction": 2, "party_number": "%s"}]
                """.formatted(caller, called);
    }

    /** The recorded agent (party_type 1, AGENT) calls a customer. */
    private static String agentAndCustomer(String extension, String name, String customer) {
        return """
                "participants": [{"participant_id": "1", "party_direction": 1, "party_type": 1,
                                  "party_number": "%s", "party_name": "%s"},
                                 {"participant_id": "2", "party_direction": 2, "party_number": "%s"}]
                """.formatted(extension, name, customer);
    }

    private UUID call(String participants, String moreFields) {
        UUID call = UUID.randomUUID();
        recorderEvent(call, "call.started", "2026-03-01T10:00:00Z",
                "{\"call_id\": \"" + call + "\", " + participants + moreFields + "}");
        return call;
    }

    private void end(UUID call) {
        recorderEvent(call, "call.ended", "2026-03-01T10:05:00Z", "{\"call_id\": \"" + call + "\", \"call_state\": 6}");
    }

    private void recorderEvent(UUID call, String type, String occurredAt, String body) {
        KafkaTopics.send(kafka, "recording.events", call.toString(), """
                {"event_id": "%s", "type": "%s", "occurred_at": "%s", "recorder_id": "%s", "call": %s}
                """.formatted(UUID.randomUUID(), type, occurredAt, UUID.randomUUID(), body));
    }

    private static String number() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private Map<String, Object> awaitCall(UUID call, String condition) {
        return Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ? AND " + condition, call);
    }

    private Map<String, Object> row(String sql, Object parameter) {
        return Rows.first(dataSource, sql, parameter);
    }
}
