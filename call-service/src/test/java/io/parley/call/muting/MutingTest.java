package io.parley.call.muting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.Rows;
import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.parley.common.embedded.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pause and resume recording of a call and of a user's active call: the command reaches the broker, the request is
 * recorded, ended calls conflict, and each access level reaches only its calls.
 */
@QuarkusTest
class MutingTest {

    private static final Set<String> PAUSE = Set.of("calls:pause_recording");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void mutedCallSendsTheCommandToItsRecorderAndRecordsWhoAskedAndWhen() throws Exception {
        UUID recorder = UUID.randomUUID();
        UUID call = call(recorder, null, null);
        UUID admin = UUID.randomUUID();

        given().auth().oauth2(token(admin, "system", List.of(), PAUSE)).queryParam("action", "mute")
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().statusCode(200);

        JsonNode command = command(call, "call.mute");
        assertEquals(call.toString(), command.path("data").path("call_id").asText());
        assertEquals(recorder.toString(), command.path("data").path("recorder_id").asText());
        assertEquals(admin.toString(), command.path("data").path("requested_by").asText());
        assertEquals(tenant.toString(), command.path("tenantid").asText());
        Map<String, Object> muting = Rows.first(dataSource, "SELECT * FROM call_muting WHERE call_id = ?", call);
        assertEquals(UUID.fromString(command.path("id").asText()), muting.get("command_id"));
        assertEquals("mute", muting.get("action"));
        assertEquals(admin, muting.get("requested_by"));
    }

    @Test
    void unmutedCallSendsTheUnmuteCommand() throws Exception {
        UUID call = call(UUID.randomUUID(), null, null);

        given().auth().oauth2(root()).queryParam("action", "unmute")
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().statusCode(200);

        assertEquals("call.unmute", command(call, "call.unmute").path("type").asText());
    }

    @Test
    void unknownCallIsNotFound() {
        for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid" }) {
            given().auth().oauth2(root()).queryParam("action", "mute")
                    .when().post("/api/v2/calls/" + id + ".json/muting")
                    .then().statusCode(404).body("error", equalTo("NotFound"));
        }
    }

    @Test
    void endedCallIsAConflictAndNothingIsSent() {
        UUID call = call(UUID.randomUUID(), null, null);
        end(call);

        given().auth().oauth2(root()).queryParam("action", "mute")
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().statusCode(409).body("error", equalTo("InvalidState"));

        assertEquals(Map.of(), Rows.first(dataSource, "SELECT * FROM call_muting WHERE call_id = ?", call));
    }

    @Test
    void callThatEndsWhileTheRequestWaitsForItIsAConflict() throws Exception {
        UUID agent = UUID.randomUUID();
        UUID call = call(UUID.randomUUID(), null, agent);
        try (Connection ingest = dataSource.getConnection()) {
            ingest.setAutoCommit(false);
            execute(ingest, "UPDATE call SET ended_at = now() WHERE call_id = ?", call); // holds the row
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> given().auth().oauth2(root())
                    .queryParam("action", "mute").when().post("/api/v2/users/" + agent + ".json/muting")
                    .then().extract().statusCode());
            await().atMost(Duration.ofSeconds(30)).until(this::aRequestWaitsForALock);
            ingest.commit();

            assertEquals(409, status.get());
        }
    }

    @Test
    void usersActiveCallIsMutedNotTheirEndedOrLeftOnes() throws Exception {
        UUID agent = UUID.randomUUID();
        UUID ended = call(UUID.randomUUID(), null, agent);
        end(ended);
        UUID active = call(UUID.randomUUID(), null, agent);

        given().auth().oauth2(root()).queryParam("action", "mute")
                .when().post("/api/v2/users/" + agent + ".json/muting")
                .then().statusCode(200);

        assertEquals(active.toString(), command(active, "call.mute").path("data").path("call_id").asText());
        assertEquals(Map.of(), Rows.first(dataSource, "SELECT * FROM call_muting WHERE call_id = ?", ended));
    }

    @Test
    void userWithoutAnActiveCallIsNotFound() {
        UUID agent = UUID.randomUUID();
        end(call(UUID.randomUUID(), null, agent));
        UUID left = UUID.randomUUID();
        UUID call = call(UUID.randomUUID(), null, left);
        execute("UPDATE call_participant SET leave_time = now() WHERE call_id = ?", call);

        for (UUID user : new UUID[] { agent, left, UUID.randomUUID() }) {
            given().auth().oauth2(root()).queryParam("action", "mute")
                    .when().post("/api/v2/users/" + user + ".json/muting")
                    .then().statusCode(404).body("error", equalTo("NotFound"));
        }
    }

    @Test
    void tenantAdministratorReachesOnlyTheTenantsCalls() {
        UUID own = call(UUID.randomUUID(), null, null);
        UUID other = call(UUID.randomUUID(), null, null, UUID.randomUUID());
        String administrator = token(UUID.randomUUID(), "system", List.of(), PAUSE);

        assertEquals(200, mute(administrator, own));
        assertEquals(404, mute(administrator, other));
    }

    @Test
    void managerReachesTheCallsOfTheManagedGroupsAndTheirUsers() {
        UUID managed = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        knownUser(agent, managed);
        UUID groupsCall = call(UUID.randomUUID(), managed, null);
        UUID agentsCall = call(UUID.randomUUID(), null, agent);
        UUID othersCall = call(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String manager = token(UUID.randomUUID(), "managed_groups", List.of(managed), PAUSE);

        assertEquals(200, mute(manager, groupsCall));
        assertEquals(200, mute(manager, agentsCall));
        assertEquals(404, mute(manager, othersCall));
    }

    @Test
    void userReachesOnlyTheirOwnCalls() {
        UUID me = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        UUID mine = call(UUID.randomUUID(), null, me);
        UUID theirs = call(UUID.randomUUID(), null, someoneElse);
        String user = token(me, "user", List.of(), PAUSE);

        assertEquals(200, mute(user, mine));
        assertEquals(404, mute(user, theirs));
        given().auth().oauth2(user).queryParam("action", "mute")
                .when().post("/api/v2/users/" + someoneElse + ".json/muting")
                .then().statusCode(404);
    }

    @Test
    void callerWithoutThePermissionIsDenied() {
        UUID call = call(UUID.randomUUID(), null, null);
        String viewer = token(UUID.randomUUID(), "system", List.of(), Set.of("calls:view"));

        given().auth().oauth2(viewer).queryParam("action", "mute")
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().statusCode(403).body(equalTo("Access is denied"));
        given().auth().oauth2(viewer).queryParam("action", "mute")
                .when().post("/api/v2/users/" + UUID.randomUUID() + ".json/muting")
                .then().statusCode(403);
    }

    @Test
    void missingOrUnknownActionIsRefusedNamingIt() {
        UUID call = call(UUID.randomUUID(), null, null);
        given().auth().oauth2(root())
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().statusCode(400).body("details.fields[0].field_name", equalTo("action"));
        given().auth().oauth2(root()).queryParam("action", "pause")
                .when().post("/api/v2/users/" + UUID.randomUUID() + ".json/muting")
                .then().statusCode(400).body("details.fields[0].field_name", equalTo("action"));
    }

    private int mute(String token, UUID call) {
        return given().auth().oauth2(token).queryParam("action", "mute")
                .when().post("/api/v2/calls/" + call + ".json/muting")
                .then().extract().statusCode();
    }

    private JsonNode command(UUID call, String type) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, "recorder.commands",
                value -> value.contains(call.toString()) && value.contains("\"" + type + "\""), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(call.toString(), record.key());
        return new ObjectMapper().readTree(record.value());
    }

    private String root() {
        return token(UUID.randomUUID(), "root", List.of(), PAUSE);
    }

    private String token(UUID user, String accessLevel, List<UUID> managedGroups, Set<String> permissions) {
        return IdentityTokens.of(new CallerIdentity(user, tenant, null, UUID.randomUUID(), "caller-" + user,
                accessLevel, managedGroups, permissions, "UTC"));
    }

    /** An active call of this test's tenant, recorded by {@code recorder}, with {@code user} as participant. */
    private UUID call(UUID recorder, UUID group, UUID user) {
        return call(recorder, group, user, tenant);
    }

    private UUID call(UUID recorder, UUID group, UUID user, UUID tenantId) {
        UUID call = UUID.randomUUID();
        execute("INSERT INTO call (call_id, tenant_id, group_id, recorder_id, setup_time, last_event_at)"
                + " VALUES (?, ?, ?, ?, now(), now())", call, tenantId, group, recorder);
        execute("INSERT INTO call_participant (call_id, participant_id, user_id, last_event_at)"
                + " VALUES (?, '1', ?, now())", call, user);
        return call;
    }

    private void end(UUID call) {
        execute("UPDATE call SET ended_at = now() WHERE call_id = ?", call);
    }

    private void knownUser(UUID user, UUID group) {
        execute("INSERT INTO known_user (id, tenant_id, group_id, name, changed_at) VALUES (?, ?, ?, 'Agent', now())",
                user, tenant, group);
    }

    private boolean aRequestWaitsForALock() {
        return !Rows.first(dataSource, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE ?", "%FOR UPDATE OF c%").isEmpty();
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
