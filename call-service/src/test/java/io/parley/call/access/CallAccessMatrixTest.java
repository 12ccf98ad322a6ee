package io.parley.call.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every call-service endpoint of an API user against a matrix of callers (docs/permissions.md, calls.md, audio.md,
 * muting.md): root; a {@code system} user of the System tenant; a {@code system} administrator of tenant A; a manager
 * of group G in A; an agent ({@code user} level) in G; an administrator of A who may only view calls; a caller whose
 * role has no calls permission. Each is asked about a call of group G in which the agent takes part, a call of A's
 * other group H, a call of tenant B, and a call no tenant is associated with yet; each cell a call of its own.
 * Recorder endpoints appear only for their permission: which tenant a recorder may write is recorder-events.md's.
 */
@QuarkusTest
class CallAccessMatrixTest {

    private static final Set<String> CALLS = Set.of("calls:view", "calls:delete", "calls:playback",
            "calls:pause_recording");
    private static final Set<String> OWN_CALLS = Set.of("calls_own:view", "calls_own:delete", "calls_own:playback",
            "calls:pause_recording");
    private static final String SETUP_TIME = "2026-03-01T10:00:00Z";
    private static final byte[] AUDIO = audio();

    /** The tenants, groups and callers every cell uses; made once. */
    private static World world;

    @Inject
    DataSource dataSource;

    enum Endpoint {
        LIST,
        VIEW,
        DELETE,
        FILE,
        FILE_URL,
        MUTE_CALL,
        MUTE_USER,
        RECORDER_EVENTS,
        UPLOAD
    }

    enum Who {
        ROOT,
        SYSTEM_WIDE,
        TENANT_ADMIN,
        MANAGER,
        AGENT,
        VIEWER,
        WITHOUT_PERMISSION
    }

    enum Place {
        GROUP_G,
        GROUP_H,
        TENANT_B,
        NO_TENANT
    }

    /** {@code OK}: served (and listed); {@code NOT_FOUND}: as if the call did not exist; {@code DENIED}: 403. */
    enum Answer {
        OK,
        NOT_FOUND,
        DENIED
    }

    record World(UUID tenantA, UUID tenantB, UUID groupG, UUID groupH, UUID groupB, UUID agent,
            Map<Who, String> tokens, String recorder) {
    }

    @BeforeEach
    void makeTheWorldOnce() {
        if (world == null) {
            world = build();
        }
    }

    @ParameterizedTest(name = "{0} by {1}: G''s call {2}, H''s call {3}, B''s call {4}, no tenant''s call {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # endpoint      | caller             | G's call  | H's call  | B's call  | no tenant's call
            LIST            | ROOT               | OK        | OK        | OK        | OK
            LIST            | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            LIST            | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            LIST            | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            LIST            | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            LIST            | VIEWER             | OK        | OK        | NOT_FOUND | NOT_FOUND
            LIST            | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            VIEW            | ROOT               | OK        | OK        | OK        | OK
            VIEW            | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            VIEW            | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            VIEW            | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            VIEW            | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            VIEW            | VIEWER             | OK        | OK        | NOT_FOUND | NOT_FOUND
            VIEW            | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            DELETE          | ROOT               | OK        | OK        | OK        | OK
            DELETE          | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            DELETE          | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            DELETE          | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            DELETE          | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            DELETE          | VIEWER             | DENIED    | DENIED    | DENIED    | DENIED
            DELETE          | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            FILE            | ROOT               | OK        | OK        | OK        | OK
            FILE            | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            FILE            | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            FILE            | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            FILE            | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            FILE            | VIEWER             | DENIED    | DENIED    | DENIED    | DENIED
            FILE            | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            FILE_URL        | ROOT               | OK        | OK        | OK        | OK
            FILE_URL        | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            FILE_URL        | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            FILE_URL        | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            FILE_URL        | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            FILE_URL        | VIEWER             | DENIED    | DENIED    | DENIED    | DENIED
            FILE_URL        | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            MUTE_CALL       | ROOT               | OK        | OK        | OK        | OK
            MUTE_CALL       | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            MUTE_CALL       | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            MUTE_CALL       | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            MUTE_CALL       | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            MUTE_CALL       | VIEWER             | DENIED    | DENIED    | DENIED    | DENIED
            MUTE_CALL       | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            MUTE_USER       | ROOT               | OK        | OK        | OK        | OK
            MUTE_USER       | SYSTEM_WIDE        | OK        | OK        | OK        | OK
            MUTE_USER       | TENANT_ADMIN       | OK        | OK        | NOT_FOUND | NOT_FOUND
            MUTE_USER       | MANAGER            | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            MUTE_USER       | AGENT              | OK        | NOT_FOUND | NOT_FOUND | NOT_FOUND
            MUTE_USER       | VIEWER             | DENIED    | DENIED    | DENIED    | DENIED
            MUTE_USER       | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            RECORDER_EVENTS | SYSTEM_WIDE        | DENIED    | DENIED    | DENIED    | DENIED
            RECORDER_EVENTS | TENANT_ADMIN       | DENIED    | DENIED    | DENIED    | DENIED
            RECORDER_EVENTS | MANAGER            | DENIED    | DENIED    | DENIED    | DENIED
            RECORDER_EVENTS | AGENT              | DENIED    | DENIED    | DENIED    | DENIED
            RECORDER_EVENTS | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            UPLOAD          | SYSTEM_WIDE        | DENIED    | DENIED    | DENIED    | DENIED
            UPLOAD          | TENANT_ADMIN       | DENIED    | DENIED    | DENIED    | DENIED
            UPLOAD          | MANAGER            | DENIED    | DENIED    | DENIED    | DENIED
            UPLOAD          | AGENT              | DENIED    | DENIED    | DENIED    | DENIED
            UPLOAD          | WITHOUT_PERMISSION | DENIED    | DENIED    | DENIED    | DENIED
            """)
    void eachCallerReachesTheCallsOfItsLevelWithItsPermissions(Endpoint endpoint, Who who, Answer groupG,
            Answer groupH, Answer tenantB, Answer noTenant) {
        assertAll(
                () -> cell(endpoint, who, Place.GROUP_G, groupG),
                () -> cell(endpoint, who, Place.GROUP_H, groupH),
                () -> cell(endpoint, who, Place.TENANT_B, tenantB),
                () -> cell(endpoint, who, Place.NO_TENANT, noTenant));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void requestWithoutATokenIsUnauthorized(Endpoint endpoint) {
        UUID participant = UUID.randomUUID();
        UUID call = call(Place.GROUP_G, participant, false);
        request(endpoint, given(), call, participant).then().statusCode(401);
    }

    /** Asks the endpoint about a new call of the place, as the caller, and checks the answer and its effect. */
    private void cell(Endpoint endpoint, Who who, Place place, Answer expected) {
        UUID participant = UUID.randomUUID();
        UUID call = call(place, participant, endpoint == Endpoint.FILE || endpoint == Endpoint.FILE_URL);
        String where = endpoint + " by " + who + ", " + place;
        Response response = request(endpoint, given().auth().oauth2(world.tokens().get(who)), call, participant);
        if (expected == Answer.DENIED) {
            response.then().statusCode(403).contentType(startsWith("text/plain")).body(equalTo("Access is denied"));
        } else if (expected == Answer.NOT_FOUND && endpoint != Endpoint.LIST) {
            response.then().statusCode(404).body("error", equalTo("NotFound"));
        } else {
            served(endpoint, response, call, expected == Answer.OK);
        }
        changed(endpoint, call, expected == Answer.OK, where);
    }

    /** What a change left, or did not leave when refused, in call-service's tables. */
    private void changed(Endpoint endpoint, UUID call, boolean reached, String where) {
        switch (endpoint) {
            case DELETE -> assertEquals(reached, absent("SELECT call_id FROM call WHERE call_id = ?", call),
                    where + ": deleted");
            case MUTE_CALL, MUTE_USER -> assertEquals(reached,
                    !absent("SELECT call_id FROM call_muting WHERE call_id = ?", call), where + ": muted");
            case UPLOAD -> assertEquals(reached, !absent("SELECT call_id FROM call_file WHERE call_id = ?"
                    + " AND file_id = 'uploaded'", call), where + ": uploaded");
            default -> {
            }
        }
    }

    private static Response request(Endpoint endpoint, RequestSpecification as, UUID call, UUID participant) {
        String path = "/api/v2/calls/" + call + ".json";
        return switch (endpoint) {
            case LIST -> as.queryParam("advanced_search", 1).queryParam("call_id__is", call)
                    .get("/api/v2/calls.json");
            case VIEW -> as.get(path);
            case DELETE -> as.delete(path);
            case FILE -> as.get(path + "/file");
            case FILE_URL -> as.queryParam("expires", 60).get(path + "/file_url.json");
            case MUTE_CALL -> as.queryParam("action", "mute").post(path + "/muting");
            case MUTE_USER -> as.queryParam("action", "mute").post("/api/v2/users/" + participant + ".json/muting");
            case RECORDER_EVENTS -> as.contentType(ContentType.JSON).body(fileCompleted(call))
                    .post("/recorder/v1/events");
            case UPLOAD -> as.contentType("audio/mpeg").body(AUDIO).put("/recorder/v1/calls/" + call
                    + "/files/uploaded");
        };
    }

    /** A {@code 2xx} answer: for a list, whether the call is in it; otherwise what the endpoint serves. */
    private static void served(Endpoint endpoint, Response response, UUID call, boolean reached) {
        switch (endpoint) {
            case LIST -> response.then().statusCode(200).body("calls.call_id",
                    reached ? contains(call.toString()) : empty());
            case VIEW -> response.then().statusCode(200).body("call.call_id", equalTo(call.toString()));
            case FILE -> assertArrayEquals(AUDIO, response.then().statusCode(200).extract().asByteArray());
            case FILE_URL -> {
                String url = response.then().statusCode(200).extract().path("signed_url");
                assertArrayEquals(AUDIO, RestAssured.get(url).then().statusCode(200).extract().asByteArray(),
                        "the signed URL plays the call without credentials");
            }
            case RECORDER_EVENTS -> response.then().statusCode(202);
            case UPLOAD -> response.then().statusCode(201);
            default -> response.then().statusCode(200);
        }
    }

    /**
     * An active call of the place, with its audio (file {@code 1}) if asked; the participant is a user of nobody's
     * concern but this call's, so that muting them reaches this call alone.
     */
    private UUID call(Place place, UUID participant, boolean withAudio) {
        TestCalls.Call call = switch (place) {
            case GROUP_G -> TestCalls.call(world.tenantA(), SETUP_TIME).set("group_id", world.groupG())
                    .participant(world.agent(), "100");
            case GROUP_H -> TestCalls.call(world.tenantA(), SETUP_TIME).set("group_id", world.groupH());
            case TENANT_B -> TestCalls.call(world.tenantB(), SETUP_TIME).set("group_id", world.groupB());
            case NO_TENANT -> TestCalls.call(null, SETUP_TIME);
        };
        UUID id = call.participant(participant, "200").store(dataSource);
        if (withAudio) {
            given().auth().oauth2(world.recorder()).contentType("audio/mpeg").body(AUDIO)
                    .when().put("/recorder/v1/calls/" + id + "/files/1").then().statusCode(201);
        }
        return id;
    }

    private boolean absent(String sql, UUID call) {
        return Rows.first(dataSource, sql, call).isEmpty();
    }

    private static String fileCompleted(UUID call) {
        return """
                {"event_id": "%s", "type": "file.completed", "occurred_at": "2026-03-01T10:05:00Z", \
                "recorder_id": "%s", "call_id": "%s", "file": {"file_id": "1", "start_time": "%s"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, SETUP_TIME);
    }

    private World build() {
        UUID system = systemTenant();
        UUID a = tenant("Tenant A");
        UUID b = tenant("Tenant B");
        UUID g = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        TestCalls.user(dataSource, agent, a, g, "Agent", "agent-" + agent);
        TestCalls.user(dataSource, manager, a, h, "Manager", "manager-" + manager);
        Map<Who, String> tokens = Map.of(
                Who.ROOT, token(UUID.randomUUID(), system, "root", List.of(), CALLS),
                Who.SYSTEM_WIDE, token(UUID.randomUUID(), system, "system", List.of(), CALLS),
                Who.TENANT_ADMIN, token(UUID.randomUUID(), a, "system", List.of(), CALLS),
                Who.MANAGER, token(manager, a, "managed_groups", List.of(g), CALLS),
                Who.AGENT, token(agent, a, "user", List.of(), OWN_CALLS),
                Who.VIEWER, token(UUID.randomUUID(), a, "system", List.of(), Set.of("calls:view")),
                Who.WITHOUT_PERMISSION, token(UUID.randomUUID(), a, "system", List.of(),
                        Set.of("users:view", "users:edit", "encrypt_keys:view")));
        String recorder = token(UUID.randomUUID(), system, "root", List.of(), Set.of("recorder:publish"));
        return new World(a, b, g, h, UUID.randomUUID(), agent, tokens, recorder);
    }

    /** The System tenant as call-service's replica of the directory knows it: its users may see every tenant. */
    private UUID systemTenant() {
        UUID id = UUID.randomUUID();
        TestCalls.systemTenant(dataSource, id, "System");
        return id;
    }

    private UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        TestCalls.tenant(dataSource, id, name + " " + id);
        return id;
    }

    private static String token(UUID user, UUID tenant, String level, List<UUID> managed, Set<String> permissions) {
        return Callers.token(user, tenant, level, managed, permissions, "UTC");
    }

    private static byte[] audio() {
        byte[] bytes = new byte[2_000];
        new Random(18).nextBytes(bytes);
        return bytes;
    }
}
